package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.DeletedUser;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.Manager;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.TenantUser;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Accounts of the sandbox tenant, with the rules Microsoft 365 enforces on them. */
@Component
@SandboxMode
class SandboxDirectory implements Directory {

    private final SandboxStore store;

    SandboxDirectory(SandboxStore store) {
        this.store = store;
    }

    private record UserRow(String id, String upn, String displayName, String mail, boolean enabled, boolean synced) {
    }

    @Override
    public Optional<TenantUser> findUser(String userPrincipalName) {
        return store.call("findUser", () -> store.jdbc()
                .sql("""
                        select id, user_principal_name, display_name, mail, account_enabled, on_premises_sync_enabled
                        from sandbox_user where user_principal_name = lower(:upn) and deleted_at is null""")
                .param("upn", userPrincipalName)
                .query((rs, n) -> new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional()
                .map(this::toTenantUser));
    }

    @Override
    public boolean isActiveUser(String userPrincipalName) {
        return store.call("isActiveUser", () -> store.activeUserId(userPrincipalName).isPresent());
    }

    private TenantUser toTenantUser(UserRow row) {
        var jdbc = store.jdbc();
        List<String> skus = jdbc.sql("select sku_id from sandbox_user_license where user_id = :id order by sku_id")
                .param("id", row.id()).query(String.class).list();
        List<String> roles = jdbc.sql("select role_name from sandbox_user_role where user_id = :id order by role_name")
                .param("id", row.id()).query(String.class).list();
        List<String> proxies = new ArrayList<>();
        if (row.mail() != null) {
            proxies.add("SMTP:" + row.mail());
        }
        jdbc.sql("select address from sandbox_mailbox_alias where user_id = :id order by address")
                .param("id", row.id()).query(String.class).list()
                .forEach(alias -> proxies.add("smtp:" + alias));
        return new TenantUser(row.id(), row.upn(), row.displayName(), row.mail(), row.enabled(), row.synced(),
                skus, proxies, roles);
    }

    @Override
    public Optional<Manager> findManager(String userId) {
        return store.call("findManager", () -> store.jdbc()
                .sql("""
                        select m.user_principal_name, m.display_name from sandbox_user u
                        join sandbox_user m on m.id = u.manager_id and m.deleted_at is null where u.id = :id""")
                .param("id", userId)
                .query((rs, n) -> new Manager(rs.getString(1), rs.getString(2)))
                .optional());
    }

    @Override
    public Optional<DeletedUser> findDeletedUser(String userId) {
        return store.call("findDeletedUser", () -> store.jdbc()
                .sql("select id, user_principal_name, display_name, deleted_at from sandbox_user where id = :id and deleted_at is not null")
                .param("id", userId)
                .query((rs, n) -> new DeletedUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional());
    }

    @Override
    public String organizationName() {
        return store.call("organizationName", () -> store.setting("organizationName", "Contoso"));
    }

    @Override
    public int countGlobalAdmins() {
        return store.call("countGlobalAdmins", () -> store.jdbc()
                .sql("""
                        select count(distinct u.id) from sandbox_user u join sandbox_user_role r on r.user_id = u.id
                        where r.role_name = :role and u.account_enabled = true and u.deleted_at is null""")
                .param("role", TenantUser.GLOBAL_ADMIN_ROLE)
                .query(Integer.class)
                .single());
    }

    @Override
    public void blockSignIn(String userId) {
        store.run("blockSignIn", () -> {
            String upn = upnOf(userId);
            int disabled = store.jdbc()
                    .sql("update sandbox_user set account_enabled = false where id = :id and account_enabled = true and deleted_at is null")
                    .param("id", userId).update();
            if (disabled == 1) {
                store.record("blockSignIn", upn, "accountEnabled=false");
            }
            int revoked = store.jdbc()
                    .sql("update sandbox_user set sessions_revoked_at = :now where id = :id and sessions_revoked_at is null and deleted_at is null")
                    .param("now", store.now()).param("id", userId).update();
            if (revoked == 1) {
                store.record("revokeSignInSessions", upn, null);
            }
        });
    }

    @Override
    public void unblockSignIn(String userId) {
        store.run("unblockSignIn", () -> {
            String upn = upnOf(userId);
            int enabled = store.jdbc()
                    .sql("update sandbox_user set account_enabled = true, sessions_revoked_at = null where id = :id and account_enabled = false and deleted_at is null")
                    .param("id", userId).update();
            if (enabled == 1) {
                store.record("unblockSignIn", upn, "accountEnabled=true");
            }
        });
    }

    @Override
    public void deleteUser(String userId) {
        store.run("deleteUser", () -> {
            Optional<String> upn = store.userPrincipalNameOf(userId);
            if (upn.isEmpty()) {
                return; // already gone for good
            }
            // What Microsoft 365 answers for an account that Exchange still needs.
            Integer keptByExchange = store.jdbc()
                    .sql("""
                            select count(*) from sandbox_mailbox where user_id = :id
                            and (mailbox_type = 'SharedMailbox' or forwarding_address is not null)""")
                    .param("id", userId).query(Integer.class).single();
            boolean active = store.jdbc().sql("select count(*) from sandbox_user where id = :id and deleted_at is null")
                    .param("id", userId).query(Integer.class).single() == 1;
            if (active && keptByExchange > 0) {
                throw new TenantException("User can't be deleted. Try again later. (" + upn.get()
                        + " has a shared mailbox or forwards mail, so Microsoft 365 keeps the account.)");
            }
            int deleted = store.jdbc()
                    .sql("update sandbox_user set deleted_at = :now where id = :id and deleted_at is null")
                    .param("now", store.now()).param("id", userId).update();
            if (deleted == 1) {
                store.record("deleteUser", upn.get(), null);
            }
        });
    }

    @Override
    public void restoreUser(String userId) {
        store.run("restoreUser", () -> {
            String upn = store.userPrincipalNameOf(userId).orElseThrow(() -> new TenantException(
                    "User " + userId + " is no longer in the deleted items of the sandbox tenant, so it cannot be "
                            + "restored. Its data is gone for good."));
            int restored = store.jdbc()
                    .sql("update sandbox_user set deleted_at = null where id = :id and deleted_at is not null")
                    .param("id", userId).update();
            if (restored == 1) {
                store.record("restoreUser", upn, null);
            }
        });
    }

    @Override
    public void permanentlyDeleteUser(String userId) {
        store.run("permanentlyDeleteUser", () -> {
            Optional<String> upn = store.userPrincipalNameOf(userId);
            if (upn.isEmpty()) {
                return;
            }
            int purged = store.jdbc().sql("delete from sandbox_user where id = :id and deleted_at is not null")
                    .param("id", userId).update();
            if (purged == 0) {
                throw new TenantException("Refusing to delete " + upn.get() + " for good: the user is active, not "
                        + "in deleted items. Someone restored it; check the offboarding in Cockpit.");
            }
            store.record("permanentlyDeleteUser", upn.get(), null);
        });
    }

    @Override
    public void resetPassword(String userId) {
        store.run("resetPassword", () -> {
            String upn = upnOf(userId);
            store.requireCloudManaged(userId, upn + " is synced from on-premises Active Directory. Its password is set "
                    + "in on-premises Active Directory.");
            // The sandbox keeps no passwords: it records that a new one nobody knows was set. Once is enough: a second
            // random password nobody knows is no different from the first.
            int reset = store.jdbc().sql("update sandbox_user set password_reset_at = :now where id = :id and password_reset_at is null")
                    .param("now", store.now()).param("id", userId).update();
            if (reset == 1) {
                store.record("resetPassword", upn, "forceChangePasswordNextSignIn=true");
            }
        });
    }

    @Override
    public List<AuthenticationMethod> authenticationMethods(String userId) {
        return store.call("listAuthenticationMethods", () -> store.jdbc()
                .sql("select id, method_type from sandbox_auth_method where user_id = :id order by method_type, id")
                .param("id", userId)
                .query((rs, n) -> new AuthenticationMethod(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public void removeAuthenticationMethod(String userId, AuthenticationMethod method) {
        store.run("removeAuthenticationMethod", () -> {
            int removed = store.jdbc().sql("delete from sandbox_auth_method where id = :mid and user_id = :id")
                    .param("mid", method.id()).param("id", userId).update();
            if (removed == 1) {
                store.record("removeAuthenticationMethod", upnOf(userId), method.type());
            }
        });
    }

    @Override
    public List<GroupMembership> groupMemberships(String userId) {
        return store.call("listMemberOf", () -> store.jdbc()
                .sql("""
                        select g.id, g.display_name, g.kind, g.dynamic_membership, g.on_premises_sync
                        from sandbox_group g join sandbox_group_member m on m.group_id = g.id
                        where m.user_id = :id order by g.display_name""")
                .param("id", userId)
                .query((rs, n) -> new GroupMembership(rs.getString(1), rs.getString(2),
                        GroupMembership.Kind.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5),
                        store.jdbc().sql("select sku_id from sandbox_group_license where group_id = :g order by sku_id")
                                .param("g", rs.getString(1)).query(String.class).list()))
                .list());
    }

    @Override
    public void removeFromGroup(String userId, GroupMembership group) {
        store.run("removeGroupMember", () -> {
            String upn = upnOf(userId);
            // What Microsoft 365 refuses: the rule of a dynamic group decides, a synced group is changed on-premises.
            var rules = store.jdbc().sql("select dynamic_membership, on_premises_sync from sandbox_group where id = :g")
                    .param("g", group.id()).query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                    .optional();
            if (rules.isEmpty()) {
                return; // the group is gone, and the membership with it
            }
            if (rules.get()[0]) {
                throw new TenantException("Cannot remove " + upn + " from the dynamic group " + group.displayName()
                        + ": its membership rule decides who is a member.");
            }
            if (rules.get()[1]) {
                throw new TenantException("Cannot remove " + upn + " from " + group.displayName() + ": the group is "
                        + "synced from on-premises Active Directory; change it there.");
            }
            int removed = store.jdbc().sql("delete from sandbox_group_member where group_id = :g and user_id = :id")
                    .param("g", group.id()).param("id", userId).update();
            if (removed == 1) {
                store.record("removeGroupMember", upn, group.displayName());
            }
        });
    }

    private String upnOf(String userId) {
        return store.userPrincipalNameOf(userId).orElseThrow(() -> new TenantException(
                "The sandbox tenant has no user with id " + userId + ". It was deleted for good; nothing to do here."));
    }
}
