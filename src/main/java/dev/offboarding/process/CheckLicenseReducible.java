package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.LICENSE_REDUCTION_SUMMARY;
import static dev.offboarding.process.OffboardingVariables.REDUCIBLE_LICENSES;
import static dev.offboarding.process.OffboardingVariables.REMOVED_SKU_IDS;

import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.Subscription;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * checkLicenseReducible: for each license removed, the decision table licenseReducible says whether the tenant's
 * billing admins may lower the subscription's total; the task for them lists the SKU, its current total and a
 * suggested new total.
 */
@Component("checkLicenseReducibleDelegate")
public class CheckLicenseReducible implements JavaDelegate {

    private final Licensing licensing;
    private final DecisionService decisionService;
    private final Clock clock;

    public CheckLicenseReducible(Licensing licensing, DecisionService decisionService, Clock clock) {
        this.licensing = licensing;
        this.decisionService = decisionService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> removed = VariableValues.list(execution.getVariable(REMOVED_SKU_IDS));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> reducible = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (Subscription subscription : licensing.subscriptions()) {
            if (!removed.contains(subscription.skuId())) {
                continue;
            }
            boolean insideCommitment = subscription.commitmentEndDate() != null
                    && subscription.commitmentEndDate().isAfter(today);
            Map<String, Object> verdict = decisionService.evaluateDecisionTableByKey("licenseReducible",
                            Variables.createVariables()
                                    .putValue("purchaseChannel", subscription.purchaseChannel().name())
                                    .putValue("insideCommitment", insideCommitment))
                    .getSingleResult();
            boolean canReduce = Boolean.TRUE.equals(verdict.get("reducible"));
            summary.append("- **").append(subscription.displayName()).append("** (").append(subscription.skuPartNumber())
                    .append("): ");
            if (canReduce) {
                reducible.add(subscription.skuPartNumber());
                int suggested = Math.max(subscription.consumed(), subscription.total() - 1);
                summary.append(subscription.total()).append(" paid, ").append(subscription.consumed())
                        .append(" assigned; suggested new total **").append(suggested).append("**");
            } else {
                summary.append("cannot be reduced here, ").append(verdict.get("reason"));
                if (insideCommitment) {
                    summary.append(" (").append(subscription.commitmentEndDate()).append(")");
                }
            }
            summary.append("\n");
        }
        execution.setVariable(REDUCIBLE_LICENSES, String.join(",", reducible));
        execution.setVariable(LICENSE_REDUCTION_SUMMARY, summary.toString());
    }
}
