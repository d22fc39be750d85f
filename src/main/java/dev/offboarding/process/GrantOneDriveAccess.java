package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_ACTION;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_DEADLINE;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_HANDED_OVER;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_OWNER;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_REMINDER_AT;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_URL;
import static dev.offboarding.process.OffboardingVariables.RESTORE_WINDOW;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailer;
import dev.offboarding.tenant.OneDrive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * grantOneDriveAccess: the new owner gets the OneDrive and a mail with the link. When the account is deleted, the
 * OneDrive is deleted after the tenant's retention period: the mail names that day and a reminder is planned a week
 * before it (or on the last day of the restore window, when the process ends).
 */
@Component("grantOneDriveAccessDelegate")
public class GrantOneDriveAccess implements JavaDelegate {

    static final Duration REMINDER_LEAD = Duration.ofDays(7);

    private final OneDrive oneDrive;
    private final Mailer mailer;
    private final TenantChanges changes;
    private final Clock clock;

    public GrantOneDriveAccess(OneDrive oneDrive, Mailer mailer, TenantChanges changes, Clock clock) {
        this.oneDrive = oneDrive;
        this.mailer = mailer;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        String newOwner = (String) execution.getVariable(ONE_DRIVE_OWNER);
        String name = (String) execution.getVariable(DISPLAY_NAME);
        String url = (String) execution.getVariable(ONE_DRIVE_URL);
        oneDrive.grantAccess(upn, newOwner);
        changes.record(execution, "OneDrive shared with " + newOwner);

        String body = "Hello,\n\nyou now have access to the OneDrive of " + name + ":\n" + url + "\n\n";
        if (MailboxAction.DELETE.name().equals(execution.getVariable(MAILBOX_ACTION))) {
            Instant now = clock.instant();
            Instant deadline = now.plus(Duration.ofDays(oneDrive.retentionDays()));
            Instant windowEnd = now.plus(Duration.parse((String) execution.getVariable(RESTORE_WINDOW)));
            Instant reminder = min(deadline.minus(REMINDER_LEAD), windowEnd.minus(Duration.ofDays(1)));
            execution.setVariable(ONE_DRIVE_DEADLINE, Date.from(deadline));
            execution.setVariable(ONE_DRIVE_REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
            body += "The account of " + name + " is being deleted. Microsoft 365 deletes this OneDrive on "
                    + Dates.readable(deadline) + ". Copy the files you need to keep before then.\n";
        } else {
            body += "The account of " + name + " stays (as a shared mailbox). Copy the files you need to keep.\n";
        }
        String subject = "You now have access to the OneDrive of " + name;
        mailer.send(newOwner, subject, body, execution.getProcessInstanceId() + ":oneDriveAccess");
        changes.record(execution, "Mail sent to " + newOwner, subject);
        execution.setVariable(ONE_DRIVE_HANDED_OVER, true);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
