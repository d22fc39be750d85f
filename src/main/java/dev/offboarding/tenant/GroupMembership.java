package dev.offboarding.tenant;

import java.util.List;

/**
 * A group the user is a direct member of.
 *
 * @param kind           how membership is changed: Microsoft Graph for security and Microsoft 365 groups, Exchange
 *                       for distribution lists and mail-enabled security groups
 * @param dynamic        members come from a rule ({@code groupTypes} has {@code DynamicMembership}): nobody removes
 *                       them by hand, the rule does once the account changes
 * @param onPremisesSynced the group is synced from on-premises AD and changed there only
 * @param licenseSkuIds  licenses the group gives its members (group-based licensing)
 */
public record GroupMembership(String id, String displayName, Kind kind, boolean dynamic, boolean onPremisesSynced,
                              List<String> licenseSkuIds) {

    public enum Kind { SECURITY, MICROSOFT_365, DISTRIBUTION, MAIL_ENABLED_SECURITY }

    public GroupMembership {
        licenseSkuIds = List.copyOf(licenseSkuIds);
    }

    public boolean givesLicenses() {
        return !licenseSkuIds.isEmpty();
    }
}
