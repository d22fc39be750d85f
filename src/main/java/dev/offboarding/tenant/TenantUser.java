package dev.offboarding.tenant;

import java.util.List;

/**
 * A user of the tenant as the offboarding sees it.
 *
 * @param id                    the directory object id
 * @param assignedSkuIds        the SKU ids of the licenses assigned directly to the user
 * @param proxyAddresses        all mail addresses, e.g. {@code SMTP:primary@..} and {@code smtp:alias@..}
 * @param adminRoles            display names of the directory roles the user holds
 */
public record TenantUser(
        String id,
        String userPrincipalName,
        String displayName,
        String mail,
        boolean accountEnabled,
        boolean onPremisesSyncEnabled,
        List<String> assignedSkuIds,
        List<String> proxyAddresses,
        List<String> adminRoles) {

    public static final String GLOBAL_ADMIN_ROLE = "Global Administrator";

    public TenantUser {
        assignedSkuIds = List.copyOf(assignedSkuIds);
        proxyAddresses = List.copyOf(proxyAddresses);
        adminRoles = List.copyOf(adminRoles);
    }

    public boolean isGlobalAdmin() {
        return adminRoles.contains(GLOBAL_ADMIN_ROLE);
    }
}
