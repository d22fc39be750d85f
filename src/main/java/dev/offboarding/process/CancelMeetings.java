package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.CANCELLED_MEETINGS;
import static dev.offboarding.process.OffboardingVariables.DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.ORGANIZATION_NAME;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Calendars;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** cancelMeetings: attendees learn that the meetings the person organised will not take place. */
@Component("cancelMeetingsDelegate")
public class CancelMeetings implements JavaDelegate {

    private final Calendars calendars;
    private final TenantChanges changes;
    private final Clock clock;

    public CancelMeetings(Calendars calendars, TenantChanges changes, Clock clock) {
        this.calendars = calendars;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        String comment = execution.getVariable(DISPLAY_NAME) + " has left " + execution.getVariable(ORGANIZATION_NAME)
                + ", so this meeting is cancelled. Please contact the team if it should go on.";
        EachRemoved.remove(execution, changes, CANCELLED_MEETINGS, "Meeting cancelled",
                calendars.upcomingMeetingsOrganizedBy(upn, clock.instant()),
                meeting -> meeting.subject() + (meeting.recurring() ? " (series)" : ""),
                meeting -> meeting.attendees() + " attendees", meeting -> calendars.cancelMeeting(upn, meeting, comment));
    }
}
