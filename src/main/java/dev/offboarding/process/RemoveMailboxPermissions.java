package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_MAILBOX_PERMISSIONS;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeMailboxPermissions: the person's Full Access and Send As on other mailboxes are taken away. */
@Component("removeMailboxPermissionsDelegate")
public class RemoveMailboxPermissions implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public RemoveMailboxPermissions(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        EachRemoved.remove(execution, changes, REMOVED_MAILBOX_PERMISSIONS, "Right removed",
                mailboxes.rightsOnOtherMailboxes(upn), right -> right.right() + " on " + right.mailbox(), null,
                right -> mailboxes.removeRightOnOtherMailbox(upn, right));
    }
}
