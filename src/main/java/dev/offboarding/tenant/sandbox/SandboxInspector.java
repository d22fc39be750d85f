package dev.offboarding.tenant.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read-only views of the sandbox tenant, so a person can watch what an offboarding changed. */
@Component
@SandboxMode
public class SandboxInspector {

    private final SandboxStore store;

    SandboxInspector(SandboxStore store) {
        this.store = store;
    }

    /** A change the sandbox tenant recorded. */
    public record Mutation(long id, Instant occurredAt, String operation, String target, String detail) {
    }

    public List<Map<String, Object>> users() {
        return store.direct(() -> store.jdbc().sql("select user_principal_name from sandbox_user order by user_principal_name")
                .query(String.class).list().stream().map(this::describe).map(Optional::get).toList());
    }

    /** Everything the sandbox tenant holds about one user, whether active or deleted. */
    public Optional<Map<String, Object>> user(String userPrincipalName) {
        return store.direct(() -> describe(userPrincipalName));
    }

    private Optional<Map<String, Object>> describe(String userPrincipalName) {
        var jdbc = store.jdbc();
        return jdbc.sql("""
                        select id, user_principal_name, display_name, mail, department, account_enabled,
                               on_premises_sync_enabled, sessions_revoked_at, deleted_at, password_reset_at,
                               (select m.user_principal_name from sandbox_user m where m.id = sandbox_user.manager_id) as manager
                        from sandbox_user where user_principal_name = lower(:upn)""")
                .param("upn", userPrincipalName)
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("userPrincipalName", rs.getString("user_principal_name"));
                    user.put("displayName", rs.getString("display_name"));
                    user.put("department", rs.getString("department"));
                    user.put("accountEnabled", rs.getBoolean("account_enabled"));
                    user.put("onPremisesSyncEnabled", rs.getBoolean("on_premises_sync_enabled"));
                    user.put("signInSessionsRevokedAt", instant(rs.getObject("sessions_revoked_at", OffsetDateTime.class)));
                    user.put("deletedAt", instant(rs.getObject("deleted_at", OffsetDateTime.class)));
                    user.put("passwordResetAt", instant(rs.getObject("password_reset_at", OffsetDateTime.class)));
                    user.put("manager", rs.getString("manager"));
                    user.put("authenticationMethods", jdbc.sql("select method_type from sandbox_auth_method where user_id = :id order by method_type")
                            .param("id", id).query(String.class).list());
                    user.put("groups", jdbc.sql("""
                                    select g.display_name from sandbox_group g join sandbox_group_member m on m.group_id = g.id
                                    where m.user_id = :id order by g.display_name""")
                            .param("id", id).query(String.class).list());
                    user.put("meetingsOrganized", jdbc.sql("""
                                    select subject || case when cancelled_at is null then '' else ' (cancelled)' end
                                    from sandbox_event where organizer_id = :id order by starts_at""")
                            .param("id", id).query(String.class).list());
                    user.put("adminRoles", jdbc.sql("select role_name from sandbox_user_role where user_id = :id order by role_name")
                            .param("id", id).query(String.class).list());
                    user.put("licenses", jdbc.sql("""
                                    select s.sku_part_number from sandbox_user_license l join sandbox_subscription s on s.sku_id = l.sku_id
                                    where l.user_id = :id order by s.sku_part_number""")
                            .param("id", id).query(String.class).list());
                    user.put("mailbox", jdbc.sql("""
                                    select mailbox_type, forwarding_address, auto_reply_enabled, auto_reply_internal, auto_reply_external,
                                           (select count(*) from sandbox_message s join sandbox_mail_folder f on f.id = s.folder_id where f.user_id = m.user_id),
                                           hidden_from_address_lists
                                    from sandbox_mailbox m where user_id = :id""")
                            .param("id", id)
                            .query((mrs, m) -> {
                                Map<String, Object> mailbox = new LinkedHashMap<>();
                                mailbox.put("type", mrs.getString(1));
                                mailbox.put("forwardingAddress", mrs.getString(2));
                                mailbox.put("autoReplyEnabled", mrs.getBoolean(3));
                                mailbox.put("autoReplyInternal", mrs.getString(4));
                                mailbox.put("autoReplyExternal", mrs.getString(5));
                                mailbox.put("messages", mrs.getLong(6));
                                mailbox.put("aliases", jdbc.sql("select address from sandbox_mailbox_alias where user_id = :id order by address")
                                        .param("id", id).query(String.class).list());
                                mailbox.put("hiddenFromAddressLists", mrs.getBoolean(7));
                                mailbox.put("fullAccess", jdbc.sql("select trustee_upn from sandbox_mailbox_permission where user_id = :id and access_rights = 'FullAccess' order by trustee_upn")
                                        .param("id", id).query(String.class).list());
                                mailbox.put("sendAs", jdbc.sql("select trustee_upn from sandbox_mailbox_permission where user_id = :id and access_rights = 'SendAs' order by trustee_upn")
                                        .param("id", id).query(String.class).list());
                                mailbox.put("inboxRules", jdbc.sql("select display_name from sandbox_inbox_rule where user_id = :id order by display_name")
                                        .param("id", id).query(String.class).list());
                                mailbox.put("mobileDevices", jdbc.sql("select friendly_name from sandbox_mobile_device where user_id = :id order by friendly_name")
                                        .param("id", id).query(String.class).list());
                                return mailbox;
                            }).optional().orElse(null));
                    user.put("oneDrive", jdbc.sql("select web_url from sandbox_drive where user_id = :id")
                            .param("id", id)
                            .query((drs, d) -> {
                                Map<String, Object> drive = new LinkedHashMap<>();
                                drive.put("webUrl", drs.getString(1));
                                drive.put("sharedWith", jdbc.sql("select grantee_upn from sandbox_drive_permission where user_id = :id order by grantee_upn")
                                        .param("id", id).query(String.class).list());
                                return drive;
                            }).optional().orElse(null));
                    return user;
                })
                .optional();
    }

    /** The tenant's record of changes, newest last, optionally for one user only. */
    public List<Mutation> mutations(String target) {
        return store.direct(() -> store.jdbc()
                .sql("select id, occurred_at, operation, target, detail from sandbox_mutation"
                        + (target == null ? "" : " where target = lower(:target)") + " order by id")
                .params(target == null ? Map.of() : Map.of("target", target))
                .query((rs, n) -> new Mutation(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
