package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** hideFromAddressList: colleagues no longer find the person in the global address list. */
@Component("hideFromAddressListDelegate")
public class HideFromAddressList implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public HideFromAddressList(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailboxes.hideFromAddressLists((String) execution.getVariable(USER_PRINCIPAL_NAME));
        changes.record(execution, "Hidden from the global address list");
    }
}
