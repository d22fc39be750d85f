package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.MAILBOX_DELEGATE;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** grantMailboxAccess: the delegate gets Full Access to the shared mailbox. */
@Component("grantMailboxAccessDelegate")
public class GrantMailboxAccess implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public GrantMailboxAccess(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String delegate = (String) execution.getVariable(MAILBOX_DELEGATE);
        mailboxes.grantFullAccess((String) execution.getVariable(USER_PRINCIPAL_NAME), delegate);
        changes.record(execution, "Full Access for " + delegate);
    }
}
