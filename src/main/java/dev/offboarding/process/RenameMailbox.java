package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.SHARED_MAILBOX_DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** renameMailbox: the shared mailbox gets the display name the admin chose. */
@Component("renameMailboxDelegate")
public class RenameMailbox implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public RenameMailbox(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String displayName = (String) execution.getVariable(SHARED_MAILBOX_DISPLAY_NAME);
        mailboxes.setDisplayName((String) execution.getVariable(USER_PRINCIPAL_NAME), displayName);
        changes.record(execution, "Mailbox renamed", displayName);
    }
}
