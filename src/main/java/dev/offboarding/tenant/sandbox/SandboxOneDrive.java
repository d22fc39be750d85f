package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.DriveInfo;
import dev.offboarding.tenant.OneDrive;
import dev.offboarding.tenant.TenantException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** OneDrive as the sandbox tenant keeps it. */
@Component
@SandboxMode
class SandboxOneDrive implements OneDrive {

    static final String RETENTION_SETTING = "oneDriveRetentionDays";

    private final SandboxStore store;

    SandboxOneDrive(SandboxStore store) {
        this.store = store;
    }

    @Override
    public Optional<DriveInfo> findDrive(String userPrincipalName) {
        return store.call("findDrive", () -> store.jdbc()
                .sql("""
                        select d.id, d.web_url, d.used_bytes from sandbox_drive d join sandbox_user u on u.id = d.user_id
                        where u.user_principal_name = lower(:upn) and u.deleted_at is null""")
                .param("upn", userPrincipalName)
                .query((rs, n) -> new DriveInfo(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .optional());
    }

    @Override
    public void grantAccess(String ownerUserPrincipalName, String granteeUserPrincipalName) {
        store.run("grantAccess", () -> {
            String ownerId = store.jdbc()
                    .sql("""
                            select d.user_id from sandbox_drive d join sandbox_user u on u.id = d.user_id
                            where u.user_principal_name = lower(:upn)""")
                    .param("upn", ownerUserPrincipalName).query(String.class).optional()
                    .orElseThrow(() -> new TenantException(ownerUserPrincipalName + " has no OneDrive in the sandbox tenant."));
            store.requireActiveUserId(granteeUserPrincipalName);
            String grantee = granteeUserPrincipalName.toLowerCase();
            int exists = store.jdbc()
                    .sql("select count(*) from sandbox_drive_permission where user_id = :id and grantee_upn = :g")
                    .param("id", ownerId).param("g", grantee).query(Integer.class).single();
            if (exists == 0) {
                store.jdbc().sql("insert into sandbox_drive_permission (user_id, grantee_upn, role_name) values (:id, :g, 'owner')")
                        .param("id", ownerId).param("g", grantee).update();
                store.record("grantOneDriveAccess", ownerUserPrincipalName, "owner: " + grantee);
            }
        });
    }

    @Override
    public int retentionDays() {
        return store.call("retentionDays", () -> Integer.parseInt(store.setting(RETENTION_SETTING, "30")));
    }
}
