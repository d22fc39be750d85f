package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_ALIASES;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeAliases: the secondary addresses are freed so they can be given to someone else. */
@Component("removeAliasesDelegate")
public class RemoveAliases implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public RemoveAliases(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> removed = mailboxes.removeAliases((String) execution.getVariable(USER_PRINCIPAL_NAME));
        changes.record(execution, "Aliases removed",
                removed.isEmpty() ? "none left to remove" : String.join(", ", removed));
        VariableValues.recordList(execution, REMOVED_ALIASES, removed, ", ");
    }
}
