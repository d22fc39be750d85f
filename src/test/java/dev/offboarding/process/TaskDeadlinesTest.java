package dev.offboarding.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offboarding.config.OffboardingProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class TaskDeadlinesTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");

    private final TaskDeadlines deadlines = new TaskDeadlines(new OffboardingProperties(Duration.ofDays(30), "PT1M",
            null, new OffboardingProperties.Tasks(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(40)),
            null, null, null, null, null));

    private static DelegateTask task(String key, Date oneDriveDeadline) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getCreateTime()).thenReturn(Date.from(CREATED));
        when(task.getTaskDefinitionKey()).thenReturn(key);
        when(task.getVariable("oneDriveDeadline")).thenReturn(oneDriveDeadline);
        return task;
    }

    @Test
    void aTaskIsDueItsConfiguredTimeAfterItWasCreatedAndFollowedUpHalfway() {
        DelegateTask task = task("removeFromOnPremisesAd", null);
        deadlines.notify(task);
        verify(task).setDueDate(Date.from(CREATED.plus(Duration.ofDays(2))));
        verify(task).setFollowUpDate(Date.from(CREATED.plus(Duration.ofDays(1))));
    }

    @Test
    void noTaskIsDueAfterTheOneDriveDeadline() {
        Date oneDriveDeadline = Date.from(CREATED.plus(Duration.ofDays(30)));
        DelegateTask task = task("reduceLicenses", oneDriveDeadline);
        deadlines.notify(task);
        verify(task).setDueDate(oneDriveDeadline);
        verify(task).setFollowUpDate(Date.from(CREATED.plus(Duration.ofDays(15))));
    }

    @Test
    void aDecisionBeforeTheLeaveDateIsDueByThatDate() {
        DelegateTask task = task("decideOffboarding", null);
        Date leaveAt = Date.from(CREATED.plus(Duration.ofHours(6)));
        when(task.getVariable("leaveAt")).thenReturn(leaveAt);
        deadlines.notify(task);
        verify(task).setDueDate(leaveAt);
        verify(task).setFollowUpDate(Date.from(CREATED.plus(Duration.ofHours(3))));
    }

    @Test
    void aLeaveDateThatHasPassedDoesNotMakeATaskDueAtOnce() {
        DelegateTask task = task("reduceLicenses", null);
        when(task.getVariable("leaveAt")).thenReturn(Date.from(CREATED.minus(Duration.ofDays(1))));
        deadlines.notify(task);
        verify(task).setDueDate(Date.from(CREATED.plus(Duration.ofDays(40))));
    }

    @Test
    void aTaskCreatedAfterTheOneDriveDeadlineIsDueAtOnce() {
        DelegateTask task = task("decideOffboarding", Date.from(CREATED.minus(Duration.ofDays(3))));
        deadlines.notify(task);
        verify(task).setDueDate(Date.from(CREATED));
        verify(task).setFollowUpDate(Date.from(CREATED));
    }

    @Test
    void aTaskWithoutAConfiguredDueDateIsAnErrorOfTheModel() {
        assertThatThrownBy(() -> deadlines.notify(task("somethingNew", null)))
                .hasMessageContaining("No due date configured for the task somethingNew");
    }
}
