package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.ASSIGNED_LICENSES;
import static dev.offboarding.process.OffboardingVariables.ASSIGNED_SKU_IDS;
import static dev.offboarding.process.OffboardingVariables.LICENSES_KEPT_BY_GROUPS;
import static dev.offboarding.process.OffboardingVariables.REMOVED_LICENSES;
import static dev.offboarding.process.OffboardingVariables.REMOVED_SKU_IDS;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.Licensing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * removeLicenses: the licenses found at look-up are unassigned, so they can be given to someone else. A license a group
 * gives cannot be unassigned from the user: the user leaves that group instead (see {@link GroupRules}); a dynamic or
 * synced group keeps its license, and {@code licensesKeptByGroups} says which.
 */
@Component("removeLicensesDelegate")
public class RemoveLicenses implements JavaDelegate {

    private final Licensing licensing;
    private final Directory directory;
    private final TenantChanges changes;

    public RemoveLicenses(Licensing licensing, Directory directory, TenantChanges changes) {
        this.licensing = licensing;
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(USER_ID);
        List<String> skus = VariableValues.list(execution.getVariable(ASSIGNED_SKU_IDS));
        List<String> keptByGroups = new java.util.ArrayList<>();
        for (GroupMembership group : directory.groupMemberships(userId)) {
            if (!group.givesLicenses()) {
                continue;
            }
            java.util.Optional<String> whyKept = GroupRules.whyNeverRemoved(group);
            if (whyKept.isPresent()) {
                keptByGroups.add(group.displayName() + " (" + whyKept.get() + ")");
                changes.record(execution, "Licenses of the group " + group.displayName() + " stay", whyKept.get());
            } else {
                directory.removeFromGroup(userId, group);
                changes.record(execution, "Removed from the group " + group.displayName() + ", which gave licenses");
            }
        }
        licensing.removeLicenses(userId, skus);
        changes.record(execution, "Licenses removed", (String) execution.getVariable(ASSIGNED_LICENSES));
        execution.setVariable(LICENSES_KEPT_BY_GROUPS, String.join("; ", keptByGroups));
        execution.setVariable(REMOVED_SKU_IDS, String.join(",", skus));
        execution.setVariable(REMOVED_LICENSES, execution.getVariable(ASSIGNED_LICENSES));
    }
}
