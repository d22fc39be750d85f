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

    public GrantMailboxAccess(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailboxes.grantFullAccess((String) execution.getVariable(USER_PRINCIPAL_NAME),
                (String) execution.getVariable(MAILBOX_DELEGATE));
    }
}
