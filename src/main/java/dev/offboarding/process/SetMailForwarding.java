package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.FORWARD_MAIL_TO;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * setMailForwarding: the mail goes on to {@code forwardMailTo} (a copy stays in the mailbox), or the forwarding the
 * mailbox had stops. The model runs this step only for one of the two, and the guidance rules already made sure that
 * an account that keeps forwarding is not deleted.
 */
@Component("setMailForwardingDelegate")
public class SetMailForwarding implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public SetMailForwarding(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        String forwardTo = (String) execution.getVariable(FORWARD_MAIL_TO);
        if (forwardTo == null || forwardTo.isBlank()) {
            mailboxes.setForwarding(upn, null);
            changes.record(execution, "Mail forwarding stopped");
        } else {
            mailboxes.setForwarding(upn, forwardTo);
            changes.record(execution, "Mail forwarded to " + forwardTo + ", a copy stays in the mailbox");
        }
    }
}
