package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_INBOX_RULES;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.InboxRule;
import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeInboxRules: no rule of the person's keeps forwarding, moving or deleting mail that now reaches others. */
@Component("removeInboxRulesDelegate")
public class RemoveInboxRules implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public RemoveInboxRules(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        EachRemoved.remove(execution, changes, REMOVED_INBOX_RULES, "Inbox rule removed", mailboxes.inboxRules(upn),
                InboxRule::displayName, null, rule -> mailboxes.removeInboxRule(upn, rule));
    }
}
