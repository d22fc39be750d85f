package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** convertToSharedMailbox: the mail stays, as a shared mailbox that needs no license up to 50 GB. */
@Component("convertToSharedMailboxDelegate")
public class ConvertToSharedMailbox implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public ConvertToSharedMailbox(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailboxes.convertToShared((String) execution.getVariable(USER_PRINCIPAL_NAME));
        changes.record(execution, "Mailbox converted to a shared mailbox");
    }
}
