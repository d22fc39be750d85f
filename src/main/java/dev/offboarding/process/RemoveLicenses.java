package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.ASSIGNED_LICENSES;
import static dev.offboarding.process.OffboardingVariables.ASSIGNED_SKU_IDS;
import static dev.offboarding.process.OffboardingVariables.REMOVED_LICENSES;
import static dev.offboarding.process.OffboardingVariables.REMOVED_SKU_IDS;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Licensing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeLicenses: the licenses found at look-up are unassigned, so they can be given to someone else. */
@Component("removeLicensesDelegate")
public class RemoveLicenses implements JavaDelegate {

    private final Licensing licensing;
    private final TenantChanges changes;

    public RemoveLicenses(Licensing licensing, TenantChanges changes) {
        this.licensing = licensing;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> skus = VariableValues.list(execution.getVariable(ASSIGNED_SKU_IDS));
        licensing.removeLicenses((String) execution.getVariable(USER_ID), skus);
        changes.record(execution, "Licenses removed", (String) execution.getVariable(ASSIGNED_LICENSES));
        execution.setVariable(REMOVED_SKU_IDS, String.join(",", skus));
        execution.setVariable(REMOVED_LICENSES, execution.getVariable(ASSIGNED_LICENSES));
    }
}
