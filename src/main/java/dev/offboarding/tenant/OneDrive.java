package dev.offboarding.tenant;

import java.util.Optional;

/** The OneDrive part of a tenant. */
public interface OneDrive {

    Optional<DriveInfo> findDrive(String userPrincipalName);

    /** Gives {@code granteeUserPrincipalName} access to the whole OneDrive. Already granted is fine. */
    void grantAccess(String ownerUserPrincipalName, String granteeUserPrincipalName);

    /** Days a deleted user's OneDrive is kept before it is deleted (the tenant's setting, 30 by default). */
    int retentionDays();
}
