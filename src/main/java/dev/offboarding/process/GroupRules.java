package dev.offboarding.process;

import dev.offboarding.tenant.GroupMembership;
import java.util.Optional;

/**
 * Which group memberships the offboarding changes, and which it leaves, in one place for the steps, the preview and
 * the documentation: Microsoft 365 decides the members of a dynamic group by its rule and changes a group synced from
 * on-premises AD only there; a group that gives licenses is left to the license step, which removes the person from it
 * when the licenses go (a license a group gives cannot be unassigned from the user directly).
 */
public final class GroupRules {

    private GroupRules() {
    }

    /** Why "Remove from groups" leaves this membership, or empty when it removes it. */
    public static Optional<String> whyNotRemovedWithGroups(GroupMembership group) {
        return whyNeverRemoved(group).or(() -> group.givesLicenses()
                ? Optional.of("gives licenses: handled with the licenses") : Optional.empty());
    }

    /** Why no step can remove the person from this group, or empty when a step can. */
    public static Optional<String> whyNeverRemoved(GroupMembership group) {
        if (group.dynamic()) {
            return Optional.of("dynamic: its membership rule decides");
        }
        if (group.onPremisesSynced()) {
            return Optional.of("synced from on-premises AD: change it there");
        }
        return Optional.empty();
    }
}
