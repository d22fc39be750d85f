package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.LEAVE_AT;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_DEADLINE;

import dev.offboarding.config.OffboardingProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives every task of the offboarding a due date and a follow-up date, so Tasklist sorts and flags them. A task is due
 * its configured time after it was created ({@code offboarding.tasks.*-due}), but never after the OneDrive deadline:
 * once the leaver's OneDrive is deleted, restoring the account no longer brings the files back, so whatever is still
 * open about this person should be done by then. A task created before the leave date of a scheduled offboarding is
 * due by that date at the latest: the offboarding begins then and needs the decision. The follow-up date is halfway to
 * the due date: when a task not yet picked up deserves a look.
 */
@Component("taskDeadlines")
public class TaskDeadlines implements TaskListener {

    private final OffboardingProperties.Tasks tasks;

    public TaskDeadlines(OffboardingProperties properties) {
        this.tasks = properties.tasks();
    }

    @Override
    public void notify(DelegateTask task) {
        Instant created = task.getCreateTime().toInstant();
        Instant due = created.plus(dueAfter(task.getTaskDefinitionKey()));
        if (task.getVariable(ONE_DRIVE_DEADLINE) instanceof Date oneDriveDeadline
                && oneDriveDeadline.toInstant().isBefore(due)) {
            due = oneDriveDeadline.toInstant();
        }
        if (task.getVariable(LEAVE_AT) instanceof Date leaveAt && leaveAt.toInstant().isAfter(created)
                && leaveAt.toInstant().isBefore(due)) {
            due = leaveAt.toInstant();
        }
        if (due.isBefore(created)) {
            due = created;
        }
        task.setDueDate(Date.from(due));
        task.setFollowUpDate(Date.from(created.plus(Duration.between(created, due).dividedBy(2))));
    }

    private Duration dueAfter(String taskId) {
        return switch (taskId) {
            case "decideOffboarding" -> tasks.decisionDue();
            case "removeFromOnPremisesAd" -> tasks.onPremisesRemovalDue();
            case "reduceLicenses" -> tasks.licenseReductionDue();
            default -> throw new IllegalStateException("No due date configured for the task " + taskId
                    + "; add it to TaskDeadlines and offboarding.tasks.");
        };
    }
}
