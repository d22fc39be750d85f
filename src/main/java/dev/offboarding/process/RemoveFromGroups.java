package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.KEPT_GROUPS;
import static dev.offboarding.process.OffboardingVariables.REMOVED_GROUPS;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.GroupMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * removeFromGroups: out of every group the person was added to. The groups {@link GroupRules} keeps are named in
 * {@code keptGroups} with the reason, so the audit report says why the person is still in them.
 */
@Component("removeFromGroupsDelegate")
public class RemoveFromGroups implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;

    public RemoveFromGroups(Directory directory, TenantChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(USER_ID);
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (GroupMembership group : directory.groupMemberships(userId)) {
            Optional<String> whyKept = GroupRules.whyNotRemovedWithGroups(group);
            if (whyKept.isPresent()) {
                kept.add(group.displayName() + " (" + whyKept.get() + ")");
                continue;
            }
            directory.removeFromGroup(userId, group);
            changes.record(execution, "Removed from the group " + group.displayName());
            removed.add(group.displayName());
        }
        VariableValues.recordList(execution, REMOVED_GROUPS, removed, ", ");
        execution.setVariable(KEPT_GROUPS, String.join("; ", kept));
    }
}
