package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_DEADLINE;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_OWNER;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_URL;

import dev.offboarding.tenant.Mailer;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sendOneDriveReminder: the new owner is reminded that the OneDrive will soon be deleted. */
@Component("sendOneDriveReminderDelegate")
public class SendOneDriveReminder implements JavaDelegate {

    private final Mailer mailer;
    private final TenantChanges changes;

    public SendOneDriveReminder(Mailer mailer, TenantChanges changes) {
        this.mailer = mailer;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(DISPLAY_NAME);
        String owner = (String) execution.getVariable(ONE_DRIVE_OWNER);
        Date deadline = (Date) execution.getVariable(ONE_DRIVE_DEADLINE);
        String subject = "Reminder: the OneDrive of " + name + " is deleted on " + Dates.readable(deadline.toInstant());
        mailer.send(owner, subject,
                "Hello,\n\nthe OneDrive of " + name + " is deleted on " + Dates.readable(deadline.toInstant())
                        + ":\n" + execution.getVariable(ONE_DRIVE_URL)
                        + "\n\nCopy the files you need to keep before then.\n",
                execution.getProcessInstanceId() + ":oneDriveReminder");
        changes.record(execution, "Mail sent to " + owner, subject);
    }
}
