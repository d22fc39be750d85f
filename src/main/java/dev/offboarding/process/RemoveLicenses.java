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

    public RemoveLicenses(Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> skus = VariableValues.list(execution.getVariable(ASSIGNED_SKU_IDS));
        licensing.removeLicenses((String) execution.getVariable(USER_ID), skus);
        execution.setVariable(REMOVED_SKU_IDS, String.join(",", skus));
        execution.setVariable(REMOVED_LICENSES, execution.getVariable(ASSIGNED_LICENSES));
    }
}
