package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.LEAVE_AT_TEXT;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_ACTION;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_DELEGATE;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_OWNER;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.Mailer;
import dev.offboarding.tenant.Manager;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The mails to the manager of someone whose offboarding is scheduled: what will happen to the account, the mail and the
 * OneDrive, and when. Someone without a manager in the directory gets none: there is nobody to tell.
 */
@Component
public class ManagerNotice {

    private final Directory directory;
    private final Mailer mailer;
    private final TenantChanges changes;

    public ManagerNotice(Directory directory, Mailer mailer, TenantChanges changes) {
        this.directory = directory;
        this.mailer = mailer;
        this.changes = changes;
    }

    /**
     * Sends one mail, once per offboarding and {@code kind}, however often the step runs.
     *
     * @param subjectLead the subject's start, the person's name follows
     * @param opening     the first paragraph, before what will happen
     */
    public void send(DelegateExecution execution, String kind, String subjectLead, String opening) {
        Optional<Manager> manager = directory.findManager((String) execution.getVariable(USER_ID));
        if (manager.isEmpty()) {
            changes.record(execution, "No mail: the directory names no manager");
            return;
        }
        String name = (String) execution.getVariable(DISPLAY_NAME);
        String subject = subjectLead + " " + name;
        String body = "Hello " + (manager.get().displayName() == null ? "" : manager.get().displayName()) + ",\n\n"
                + opening + "\n\n" + whatHappens(execution, name) + "\n";
        mailer.send(manager.get().userPrincipalName(), subject, body,
                execution.getProcessInstanceId() + ":" + kind);
        changes.record(execution, "Mail sent to " + manager.get().userPrincipalName(), subject);
    }

    private static String whatHappens(DelegateExecution execution, String name) {
        StringBuilder text = new StringBuilder("The offboarding of " + name + " begins on "
                + execution.getVariable(LEAVE_AT_TEXT) + ". Sign-in is blocked then and the mailbox is backed up.");
        if (MailboxAction.CONVERT_TO_SHARED.name().equals(execution.getVariable(MAILBOX_ACTION))) {
            text.append(" The mailbox becomes a shared mailbox that ").append(execution.getVariable(MAILBOX_DELEGATE))
                    .append(" can open; the account stays.");
        } else {
            text.append(" The account is deleted; it can be restored for 30 days.");
        }
        Object oneDriveOwner = execution.getVariable(ONE_DRIVE_OWNER);
        if (oneDriveOwner != null && !oneDriveOwner.toString().isBlank()) {
            text.append(" The OneDrive is given to ").append(oneDriveOwner).append('.');
        } else {
            text.append(" Nobody takes over the OneDrive: files that should be kept must be moved before that day.");
        }
        return text.toString();
    }
}
