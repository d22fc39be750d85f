package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.InboxRule;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.MailboxRight;
import dev.offboarding.tenant.MobileDevice;
import dev.offboarding.tenant.MailboxType;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.MessageRef;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Exchange Online as the sandbox tenant keeps it. */
@Component
@SandboxMode
class SandboxMailboxes implements Mailboxes {

    /** Messages handed out per page, like Graph's paging of a folder's messages. */
    static final int PAGE_SIZE = 50;

    private final SandboxStore store;

    SandboxMailboxes(SandboxStore store) {
        this.store = store;
    }

    @Override
    public Optional<MailboxInfo> findMailbox(String userPrincipalName) {
        return store.call("findMailbox", () -> store.jdbc()
                .sql("""
                        select u.id, u.display_name, u.mail, m.mailbox_type, m.forwarding_address, m.simulated_extra_bytes,
                               m.archive_enabled, m.litigation_hold_enabled,
                               (select count(*) from sandbox_message s join sandbox_mail_folder f on f.id = s.folder_id
                                 where f.user_id = u.id) as item_count,
                               (select coalesce(sum(octet_length(s.mime_content)), 0) from sandbox_message s
                                 join sandbox_mail_folder f on f.id = s.folder_id where f.user_id = u.id) as stored_bytes
                        from sandbox_user u join sandbox_mailbox m on m.user_id = u.id
                        where u.user_principal_name = lower(:upn) and u.deleted_at is null""")
                .param("upn", userPrincipalName)
                .query((rs, n) -> {
                    String userId = rs.getString("id");
                    List<String> aliases = store.jdbc()
                            .sql("select address from sandbox_mailbox_alias where user_id = :id order by address")
                            .param("id", userId).query(String.class).list();
                    return new MailboxInfo(userPrincipalName, rs.getString("display_name"),
                            MailboxType.valueOf(rs.getString("mailbox_type")), rs.getString("mail"), aliases,
                            rs.getString("forwarding_address"),
                            rs.getLong("stored_bytes") + rs.getLong("simulated_extra_bytes"), rs.getLong("item_count"),
                            rs.getBoolean("archive_enabled"), rs.getBoolean("litigation_hold_enabled"));
                })
                .optional());
    }

    private record FolderRow(String id, String parentId, String name, long count) {
    }

    @Override
    public List<MailFolder> listFolders(String userPrincipalName) {
        return store.call("listFolders", () -> {
            String userId = store.requireActiveUserId(userPrincipalName);
            List<FolderRow> rows = store.jdbc()
                    .sql("""
                            select f.id, f.parent_id, f.display_name,
                                   (select count(*) from sandbox_message s where s.folder_id = f.id)
                            from sandbox_mail_folder f where f.user_id = :id order by f.id""")
                    .param("id", userId)
                    .query((rs, n) -> new FolderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                    .list();
            Map<String, FolderRow> byId = new HashMap<>();
            rows.forEach(row -> byId.put(row.id(), row));
            List<MailFolder> folders = new ArrayList<>();
            for (FolderRow row : rows) {
                folders.add(new MailFolder(row.id(), pathOf(row, byId), row.count()));
            }
            return folders;
        });
    }

    private static String pathOf(FolderRow row, Map<String, FolderRow> byId) {
        String path = row.name();
        FolderRow parent = row.parentId() == null ? null : byId.get(row.parentId());
        while (parent != null) {
            path = parent.name() + "/" + path;
            parent = parent.parentId() == null ? null : byId.get(parent.parentId());
        }
        return path;
    }

    @Override
    public void forEachMessage(String userPrincipalName, String folderId, Consumer<MessageRef> action) {
        String after = "";
        while (true) {
            String from = after;
            List<String> page = store.call("forEachMessage", () -> {
                String userId = store.requireActiveUserId(userPrincipalName);
                return store.jdbc()
                        .sql("""
                                select s.id from sandbox_message s join sandbox_mail_folder f on f.id = s.folder_id
                                where f.id = :folder and f.user_id = :user and s.id > :after order by s.id""")
                        .param("folder", folderId).param("user", userId).param("after", from)
                        .query(String.class)
                        .stream().limit(PAGE_SIZE).toList();
            });
            page.forEach(id -> action.accept(new MessageRef(id, folderId)));
            if (page.size() < PAGE_SIZE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public void copyMimeContent(String userPrincipalName, String messageId, OutputStream out) throws IOException {
        byte[] mime = store.call("copyMimeContent", () -> {
            String userId = store.requireActiveUserId(userPrincipalName);
            return store.jdbc()
                    .sql("""
                            select s.mime_content from sandbox_message s join sandbox_mail_folder f on f.id = s.folder_id
                            where s.id = :id and f.user_id = :user""")
                    .param("id", messageId).param("user", userId)
                    .query((rs, n) -> rs.getBytes(1))
                    .optional()
                    .orElseThrow(() -> new TenantException("Message " + messageId + " is no longer in the mailbox of "
                            + userPrincipalName + ". Retry the step: the backup then lists the mailbox again."));
        });
        out.write(mime);
    }

    @Override
    public void convertToShared(String userPrincipalName) {
        store.run("convertToShared", () -> {
            String userId = requireMailbox(userPrincipalName);
            int changed = store.jdbc()
                    .sql("update sandbox_mailbox set mailbox_type = 'SharedMailbox' where user_id = :id and mailbox_type <> 'SharedMailbox'")
                    .param("id", userId).update();
            if (changed == 1) {
                store.record("convertToSharedMailbox", userPrincipalName, "Type=Shared");
            }
        });
    }

    @Override
    public void grantFullAccess(String userPrincipalName, String trusteeUserPrincipalName) {
        store.run("grantFullAccess", () -> {
            String userId = requireMailbox(userPrincipalName);
            store.requireActiveUserId(trusteeUserPrincipalName);
            String trustee = trusteeUserPrincipalName.toLowerCase();
            int exists = store.jdbc()
                    .sql("select count(*) from sandbox_mailbox_permission where user_id = :id and trustee_upn = :t and access_rights = 'FullAccess'")
                    .param("id", userId).param("t", trustee).query(Integer.class).single();
            if (exists == 0) {
                store.jdbc().sql("insert into sandbox_mailbox_permission (user_id, trustee_upn, access_rights) values (:id, :t, 'FullAccess')")
                        .param("id", userId).param("t", trustee).update();
                store.record("addMailboxPermission", userPrincipalName, "FullAccess for " + trustee);
            }
        });
    }

    @Override
    public void setDisplayName(String userPrincipalName, String displayName) {
        store.run("setDisplayName", () -> {
            String userId = requireMailbox(userPrincipalName);
            int changed = store.jdbc()
                    .sql("update sandbox_user set display_name = :name where id = :id and display_name <> :name")
                    .param("name", displayName).param("id", userId).update();
            if (changed == 1) {
                store.record("setDisplayName", userPrincipalName, displayName);
            }
        });
    }

    @Override
    public void setAutoReplies(String userPrincipalName, String internalMessage, String externalMessage) {
        store.run("setAutoReplies", () -> {
            String userId = requireMailbox(userPrincipalName);
            String internal = blankToNull(internalMessage);
            String external = blankToNull(externalMessage);
            var current = store.jdbc()
                    .sql("select auto_reply_enabled, auto_reply_internal, auto_reply_external from sandbox_mailbox where user_id = :id")
                    .param("id", userId)
                    .query((rs, n) -> List.of(rs.getBoolean(1), Objects.toString(rs.getString(2), ""),
                            Objects.toString(rs.getString(3), "")))
                    .single();
            boolean same = (Boolean) current.get(0) && current.get(1).equals(Objects.toString(internal, ""))
                    && current.get(2).equals(Objects.toString(external, ""));
            if (!same) {
                store.jdbc().sql("""
                                update sandbox_mailbox set auto_reply_enabled = true, auto_reply_internal = :internal,
                                auto_reply_external = :external where user_id = :id""")
                        .param("internal", internal).param("external", external).param("id", userId).update();
                store.record("setMailboxAutoReplyConfiguration", userPrincipalName, "AutoReplyState=Enabled");
            }
        });
    }

    @Override
    public List<String> removeAliases(String userPrincipalName) {
        return store.call("removeAliases", () -> {
            String userId = requireMailbox(userPrincipalName);
            List<String> aliases = store.jdbc()
                    .sql("select address from sandbox_mailbox_alias where user_id = :id order by address")
                    .param("id", userId).query(String.class).list();
            for (String alias : aliases) {
                store.jdbc().sql("delete from sandbox_mailbox_alias where user_id = :id and address = :a")
                        .param("id", userId).param("a", alias).update();
                store.record("removeAlias", userPrincipalName, alias);
            }
            return aliases;
        });
    }

    @Override
    public void hideFromAddressLists(String userPrincipalName) {
        store.run("hideFromAddressLists", () -> {
            String userId = requireMailbox(userPrincipalName);
            // What Exchange Online answers for a mailbox whose user is mastered on-premises.
            store.requireCloudManaged(userId, "The mailbox of " + userPrincipalName + " belongs to a user synced from "
                    + "on-premises Active Directory: hide it there (msExchHideFromAddressLists).");
            int changed = store.jdbc().sql("""
                            update sandbox_mailbox set hidden_from_address_lists = true
                            where user_id = :id and hidden_from_address_lists = false""")
                    .param("id", userId).update();
            if (changed == 1) {
                store.record("hideFromAddressLists", userPrincipalName, "HiddenFromAddressListsEnabled=true");
            }
        });
    }

    @Override
    public List<InboxRule> inboxRules(String userPrincipalName) {
        return store.call("listInboxRules", () -> store.jdbc()
                .sql("select id, display_name from sandbox_inbox_rule where user_id = :id order by display_name, id")
                .param("id", requireMailbox(userPrincipalName))
                .query((rs, n) -> new InboxRule(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public void removeInboxRule(String userPrincipalName, InboxRule rule) {
        store.run("removeInboxRule", () -> {
            int removed = store.jdbc().sql("delete from sandbox_inbox_rule where id = :rid and user_id = :id")
                    .param("rid", rule.id()).param("id", requireMailbox(userPrincipalName)).update();
            if (removed == 1) {
                store.record("removeInboxRule", userPrincipalName, rule.displayName());
            }
        });
    }

    @Override
    public List<MobileDevice> mobileDevices(String userPrincipalName) {
        return store.call("getMobileDevice", () -> store.jdbc()
                .sql("select identity, friendly_name from sandbox_mobile_device where user_id = :id order by identity")
                .param("id", requireMailbox(userPrincipalName))
                .query((rs, n) -> new MobileDevice(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public void removeMobileDevice(String userPrincipalName, MobileDevice device) {
        store.run("removeMobileDevice", () -> {
            int removed = store.jdbc().sql("delete from sandbox_mobile_device where identity = :d and user_id = :id")
                    .param("d", device.identity()).param("id", requireMailbox(userPrincipalName)).update();
            if (removed == 1) {
                store.record("removeMobileDevice", userPrincipalName, device.name());
            }
        });
    }

    @Override
    public List<MailboxRight> rightsOnOtherMailboxes(String userPrincipalName) {
        return store.call("listMailboxPermissions", () -> store.jdbc()
                .sql("""
                        select u.user_principal_name, p.access_rights from sandbox_mailbox_permission p
                        join sandbox_user u on u.id = p.user_id
                        where p.trustee_upn = lower(:upn) and u.user_principal_name <> lower(:upn)
                        order by u.user_principal_name, p.access_rights""")
                .param("upn", userPrincipalName)
                .query((rs, n) -> new MailboxRight(rs.getString(1), MailboxRight.Right.valueOf(rs.getString(2))))
                .list());
    }

    @Override
    public void removeRightOnOtherMailbox(String userPrincipalName, MailboxRight right) {
        store.run("removeMailboxPermission", () -> {
            int removed = store.jdbc().sql("""
                            delete from sandbox_mailbox_permission where trustee_upn = lower(:upn)
                            and access_rights = :rights
                            and user_id = (select id from sandbox_user where user_principal_name = lower(:mailbox))""")
                    .param("upn", userPrincipalName).param("rights", right.right().name())
                    .param("mailbox", right.mailbox()).update();
            if (removed == 1) {
                store.record("removeMailboxPermission", userPrincipalName, right.right() + " on " + right.mailbox());
            }
        });
    }

    @Override
    public void setForwarding(String userPrincipalName, String forwardTo) {
        store.run("setForwarding", () -> {
            String userId = requireMailbox(userPrincipalName);
            String address = forwardTo == null || forwardTo.isBlank() ? null : forwardTo.strip().toLowerCase();
            String current = store.jdbc().sql("select forwarding_address from sandbox_mailbox where user_id = :id")
                    .param("id", userId).query(String.class).optional().orElse(null);
            if (Objects.equals(current, address)) {
                return;
            }
            store.jdbc().sql("update sandbox_mailbox set forwarding_address = :to where user_id = :id")
                    .param("to", address).param("id", userId).update();
            store.record("setForwarding", userPrincipalName, address == null ? "ForwardingSmtpAddress=$null"
                    : "ForwardingSmtpAddress=smtp:" + address + ", DeliverToMailboxAndForward=true");
        });
    }

    private String requireMailbox(String userPrincipalName) {
        String userId = store.requireActiveUserId(userPrincipalName);
        int mailboxes = store.jdbc().sql("select count(*) from sandbox_mailbox where user_id = :id")
                .param("id", userId).query(Integer.class).single();
        if (mailboxes == 0) {
            throw new TenantException(userPrincipalName + " has no mailbox in the sandbox tenant.");
        }
        return userId;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
