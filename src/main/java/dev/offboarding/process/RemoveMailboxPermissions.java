package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_MAILBOX_PERMISSIONS;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.MailboxRight;
import dev.offboarding.tenant.Mailboxes;
import java.util.ArrayList;
import java.util.List;
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
        List<String> removed = new ArrayList<>();
        for (MailboxRight right : mailboxes.rightsOnOtherMailboxes(upn)) {
            mailboxes.removeRightOnOtherMailbox(upn, right);
            String what = right.right() + " on " + right.mailbox();
            changes.record(execution, "Right removed: " + what);
            removed.add(what);
        }
        VariableValues.recordList(execution, REMOVED_MAILBOX_PERMISSIONS, removed, ", ");
    }
}
