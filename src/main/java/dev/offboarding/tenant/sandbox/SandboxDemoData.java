package dev.offboarding.tenant.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Random;
import dev.offboarding.config.OffboardingProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo tenant "Contoso": one user for every path of the offboarding. Generated the same way every time, so the
 * README's walkthrough and the tests can name users and expect the same mail.
 */
@Component
@SandboxMode
public class SandboxDemoData {

    public static final String DOMAIN = "contoso.com";
    static final String DOMAIN_SETTING = "domain";
    static final long GB = 1024L * 1024 * 1024;

    public static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    public static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    public static final String EMS_E5 = "b05e124f-c7cc-45a0-a6aa-8cf78c946968";
    public static final String VISIO_PLAN_2 = "c5928f49-12ba-48f7-ada3-0d743a3601d5";

    /** Tables in an order that deletes children before parents. */
    private static final List<String> TABLES = List.of("sandbox_mutation", "sandbox_sent_mail",
            "sandbox_event", "sandbox_mobile_device", "sandbox_inbox_rule", "sandbox_group_member", "sandbox_group_license",
            "sandbox_group",
            "sandbox_auth_method",
            "sandbox_drive_permission", "sandbox_drive", "sandbox_message", "sandbox_mail_folder",
            "sandbox_mailbox_permission", "sandbox_mailbox_alias", "sandbox_mailbox", "sandbox_license",
            "sandbox_subscription", "sandbox_user_role", "sandbox_user", "sandbox_setting");

    static final String GENERATED_PREFIX = "bulk";
    private static final int MESSAGES_PER_GENERATED_USER = 3;

    private final SandboxStore store;
    private final JdbcTemplate batch;
    private final int generatedUsers;

    SandboxDemoData(SandboxStore store, JdbcTemplate batch, OffboardingProperties properties) {
        this.store = store;
        this.batch = batch;
        this.generatedUsers = properties.sandbox().generatedUsers();
    }

    /** The user principal name of the n-th generated user (1-based): bulk00001@contoso.com. */
    public static String generatedUser(int n) {
        return String.format(Locale.ROOT, "%s%05d@%s", GENERATED_PREFIX, n, DOMAIN);
    }

    /** Fills the sandbox tenant with the demo users unless it already has users. */
    public boolean seedIfEmpty() {
        return store.direct(() -> {
            int users = store.jdbc().sql("select count(*) from sandbox_user").query(Integer.class).single();
            if (users > 0) {
                return false;
            }
            seed();
            return true;
        });
    }

    /** Throws away everything in the sandbox tenant, its record of changes included, and seeds it again. */
    public void reset() {
        store.directRun(() -> {
            store.jdbc().sql("update sandbox_mail_folder set parent_id = null").update();
            TABLES.forEach(table -> store.jdbc().sql("delete from " + table).update());
            seed();
        });
    }

    private void seed() {
        JdbcClient jdbc = store.jdbc();
        setting(jdbc, DOMAIN_SETTING, DOMAIN);
        setting(jdbc, "organizationName", "Contoso");
        setting(jdbc, SandboxOneDrive.RETENTION_SETTING, "30");

        LocalDate today = store.instant().atZone(ZoneOffset.UTC).toLocalDate();
        subscription(jdbc, E3, "SPE_E3", "Microsoft 365 E3", 25 + generatedUsers, "DIRECT", null);
        subscription(jdbc, BUSINESS_PREMIUM, "SPB", "Microsoft 365 Business Premium", 10, "PARTNER", null);
        subscription(jdbc, EMS_E5, "EMSPREMIUM", "Enterprise Mobility + Security E5", 50, "VOLUME_LICENSING", null);
        subscription(jdbc, VISIO_PLAN_2, "VISIOCLIENT", "Visio Plan 2", 5, "DIRECT", today.plusDays(200));

        // An ordinary licensed user: the walkthrough's first offboarding.
        user("adele.vance", "Adele Vance", "Retail", false).licenses(E3).mailbox(24).aliases("adele", "a.vance")
                .drive(2_300_000_000L).save();
        // Forwards her mail elsewhere: the guidance forbids deleting her account.
        user("alex.wilber", "Alex Wilber", "Marketing", false).licenses(E3).mailbox(12)
                .forwarding("alex.wilber@fabrikam.com").drive(800_000_000L).save();
        // Already converted to a shared mailbox earlier: no license, the account must stay.
        user("megan.bowen", "Megan Bowen", "Marketing", false).mailbox(8).shared().aliases("marketing")
                .drive(150_000_000L).save();
        // Synced from on-premises Active Directory: deleted there, not in the cloud.
        user("lee.gu", "Lee Gu", "Engineering", true).licenses(E3, EMS_E5).mailbox(10).drive(4_100_000_000L).save();
        // A mailbox that reports 52 GB: as a shared mailbox it keeps its license. The size is simulated.
        user("nestor.wilke", "Nestor Wilke", "Operations", false).licenses(E3).mailbox(15)
                .simulatedExtraBytes(52 * GB).drive(9_000_000_000L).save();
        // Licensed through a partner: the count cannot be reduced by the tenant's billing admins.
        user("isaiah.langer", "Isaiah Langer", "Sales", false).licenses(BUSINESS_PREMIUM).mailbox(10)
                .drive(600_000_000L).save();
        // The tenant's only global admin: offboarding her would lock everyone out.
        user("patti.fernandez", "Patti Fernandez", "Executive Management", false).licenses(E3).mailbox(10)
                .roles("Global Administrator").drive(1_200_000_000L).save();
        // No license, no mailbox, no OneDrive: a former contractor's leftover account.
        user("grady.archie", "Grady Archie", "Facilities", false).save();
        // Colleagues who take over mailboxes and OneDrives.
        user("diego.siciliani", "Diego Siciliani", "Human Resources", false).licenses(E3).mailbox(6)
                .drive(500_000_000L).save();
        user("lynne.robbins", "Lynne Robbins", "IT", false).licenses(E3).mailbox(6).roles("User Administrator")
                .drive(700_000_000L).save();
        // Visio inside an annual commitment: not reducible until the commitment ends.
        user("johanna.lorenz", "Johanna Lorenz", "Engineering", false).licenses(E3, VISIO_PLAN_2).mailbox(8)
                .drive(1_900_000_000L).save();
        user("miriam.graham", "Miriam Graham", "Finance", false).licenses(E3).mailbox(5)
                .roles("Billing Administrator").drive(300_000_000L).save();
        // Who reports to whom: the manager hears of a scheduled offboarding.
        for (String report : List.of("adele.vance", "alex.wilber", "megan.bowen", "isaiah.langer", "nestor.wilke",
                "diego.siciliani", "lynne.robbins", "miriam.graham")) {
            reportsTo(jdbc, report, "patti.fernandez");
        }
        for (String report : List.of("lee.gu", "johanna.lorenz", "grady.archie")) {
            reportsTo(jdbc, report, "lynne.robbins");
        }
        seedLeaverChecklist(jdbc, today);
        seedGeneratedUsers();
    }

    /**
     * What the optional steps of the leaver checklist find: authentication methods, groups of every kind, Inbox rules,
     * phones, meetings and rights on other mailboxes, mostly Adele's (the walkthrough's user) and Lee's (synced).
     */
    private void seedLeaverChecklist(JdbcClient jdbc, LocalDate today) {
        authMethod(jdbc, "adele.vance", "phoneAuthenticationMethod");
        authMethod(jdbc, "adele.vance", "microsoftAuthenticatorAuthenticationMethod");
        authMethod(jdbc, "lynne.robbins", "fido2AuthenticationMethod");
        authMethod(jdbc, "johanna.lorenz", "softwareOathAuthenticationMethod");

        group(jdbc, "Retail team", "MICROSOFT_365", false, false, "", "adele.vance", "diego.siciliani");
        group(jdbc, "All Contoso", "SECURITY", true, false, "", "adele.vance", "alex.wilber", "lee.gu",
                "johanna.lorenz", "lynne.robbins", "diego.siciliani");
        group(jdbc, "Store managers", "DISTRIBUTION", false, false, "", "adele.vance", "alex.wilber");
        group(jdbc, "Finance approvers", "MAIL_ENABLED_SECURITY", false, false, "", "adele.vance", "miriam.graham");
        group(jdbc, "Visio users", "SECURITY", false, false, VISIO_PLAN_2, "adele.vance");
        group(jdbc, "Engineering (on-premises)", "SECURITY", false, true, "", "lee.gu", "johanna.lorenz");

        inboxRule(jdbc, "adele.vance", "Newsletters to Archive");
        inboxRule(jdbc, "adele.vance", "Forward invoices to Diego");
        inboxRule(jdbc, "alex.wilber", "Copy everything to fabrikam");
        mobileDevice(jdbc, "adele.vance", "Adele's iPhone 15");
        mobileDevice(jdbc, "lynne.robbins", "Pixel 8 (Outlook)");

        OffsetDateTime morning = today.atTime(9, 0).atOffset(ZoneOffset.UTC);
        meeting(jdbc, "adele.vance", "Weekly retail sync", morning.plusDays(2), null, 6, true);
        meeting(jdbc, "adele.vance", "Store opening in Lyon: final check", morning.plusDays(9),
                morning.plusDays(9).plusHours(1), 4, false);
        meeting(jdbc, "adele.vance", "Quarterly review", morning.minusDays(20), morning.minusDays(20).plusHours(2), 8,
                false);
        meeting(jdbc, "adele.vance", "Focus time", morning.plusDays(1), morning.plusDays(1).plusHours(3), 0, false);
        meeting(jdbc, "lynne.robbins", "IT office hours", morning.plusDays(3), morning.plusDays(90), 12, true);

        right(jdbc, "megan.bowen", "adele.vance", "FullAccess");
        right(jdbc, "megan.bowen", "adele.vance", "SendAs");
        right(jdbc, "diego.siciliani", "lynne.robbins", "FullAccess");
    }

    private static void authMethod(JdbcClient jdbc, String alias, String type) {
        jdbc.sql("insert into sandbox_auth_method (id, user_id, method_type) values (:id, :user, :type)")
                .param("id", idOf(alias + "/auth/" + type)).param("user", idOf(alias + "@" + DOMAIN))
                .param("type", type).update();
    }

    private static void group(JdbcClient jdbc, String name, String kind, boolean dynamic, boolean synced,
                              String licenseSkuIds, String... memberAliases) {
        String id = idOf("group:" + name);
        jdbc.sql("""
                        insert into sandbox_group (id, display_name, kind, dynamic_membership, on_premises_sync)
                        values (:id, :name, :kind, :dynamic, :synced)""")
                .param("id", id).param("name", name).param("kind", kind).param("dynamic", dynamic)
                .param("synced", synced).update();
        if (!licenseSkuIds.isEmpty()) {
            jdbc.sql("insert into sandbox_group_license (group_id, sku_id) values (:g, :sku)")
                    .param("g", id).param("sku", licenseSkuIds).update();
        }
        for (String alias : memberAliases) {
            jdbc.sql("insert into sandbox_group_member (group_id, user_id) values (:g, :u)")
                    .param("g", id).param("u", idOf(alias + "@" + DOMAIN)).update();
        }
    }

    private static void inboxRule(JdbcClient jdbc, String alias, String name) {
        jdbc.sql("insert into sandbox_inbox_rule (id, user_id, display_name) values (:id, :user, :name)")
                .param("id", idOf(alias + "/rule/" + name)).param("user", idOf(alias + "@" + DOMAIN))
                .param("name", name).update();
    }

    private static void mobileDevice(JdbcClient jdbc, String alias, String name) {
        jdbc.sql("insert into sandbox_mobile_device (identity, user_id, friendly_name) values (:identity, :user, :name)")
                .param("identity", alias + "\\ExchangeActiveSyncDevices\\" + idOf(alias + "/device/" + name))
                .param("user", idOf(alias + "@" + DOMAIN)).param("name", name).update();
    }

    private static void meeting(JdbcClient jdbc, String alias, String subject, OffsetDateTime start,
                                OffsetDateTime end, int attendees, boolean recurring) {
        jdbc.sql("""
                        insert into sandbox_event (id, organizer_id, subject, starts_at, ends_at, attendees, recurring)
                        values (:id, :organizer, :subject, :start, :end, :attendees, :recurring)""")
                .param("id", idOf(alias + "/event/" + subject)).param("organizer", idOf(alias + "@" + DOMAIN))
                .param("subject", subject).param("start", start).param("end", end).param("attendees", attendees)
                .param("recurring", recurring).update();
    }

    /** {@code trusteeAlias} holds {@code rights} on the mailbox of {@code mailboxAlias}. */
    private static void right(JdbcClient jdbc, String mailboxAlias, String trusteeAlias, String rights) {
        jdbc.sql("insert into sandbox_mailbox_permission (user_id, trustee_upn, access_rights) values (:id, :t, :r)")
                .param("id", idOf(mailboxAlias + "@" + DOMAIN)).param("t", trusteeAlias + "@" + DOMAIN)
                .param("r", rights).update();
    }

    private static void reportsTo(JdbcClient jdbc, String alias, String managerAlias) {
        jdbc.sql("update sandbox_user set manager_id = :manager where id = :id")
                .param("manager", idOf(managerAlias + "@" + DOMAIN)).param("id", idOf(alias + "@" + DOMAIN)).update();
    }

    /**
     * Ordinary licensed users for bulk runs ({@code offboarding.sandbox.generated-users}): a mailbox of three real
     * messages, a OneDrive, Microsoft 365 E3. Written in batches, so ten thousand take seconds.
     */
    private void seedGeneratedUsers() {
        if (generatedUsers <= 0) {
            return;
        }
        Instant sentAt = Instant.parse("2026-06-01T09:00:00Z");
        List<byte[]> mime = new ArrayList<>();
        for (int m = 0; m < MESSAGES_PER_GENERATED_USER; m++) {
            mime.add(MimeMessages.text("diego.siciliani@" + DOMAIN, "bulk@" + DOMAIN, TOPICS[m], "Hi,\n\n" + BODIES[m]
                    + "\n", sentAt.plus(Duration.ofDays(m)), "<bulk-template-" + m + "@" + DOMAIN + ">"));
        }
        List<Object[]> users = new ArrayList<>();
        List<Object[]> licenses = new ArrayList<>();
        List<Object[]> mailboxes = new ArrayList<>();
        List<Object[]> folders = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> drives = new ArrayList<>();
        for (int n = 1; n <= generatedUsers; n++) {
            String upn = generatedUser(n);
            String id = idOf(upn);
            String folder = idOf(upn + "/folder/Inbox");
            users.add(new Object[] {id, upn, String.format(Locale.ROOT, "Bulk User %05d", n), upn, "Bulk"});
            licenses.add(new Object[] {id, E3});
            mailboxes.add(new Object[] {id});
            folders.add(new Object[] {folder, id});
            for (int m = 0; m < MESSAGES_PER_GENERATED_USER; m++) {
                messages.add(new Object[] {idOf(upn + "/message/" + m), folder, "<" + idOf(upn + "#" + m) + "@" + DOMAIN + ">",
                        java.sql.Timestamp.from(sentAt.plus(Duration.ofDays(m))), mime.get(m)});
            }
            drives.add(new Object[] {id, idOf("drive:" + upn), "https://contoso-my.sharepoint.com/personal/"
                    + upn.substring(0, upn.indexOf('@')) + "_contoso_com", 50_000_000L});
        }
        batch.batchUpdate("insert into sandbox_user (id, user_principal_name, display_name, mail, department, account_enabled, "
                + "on_premises_sync_enabled) values (?, ?, ?, ?, ?, true, false)", users);
        batch.batchUpdate("insert into sandbox_license (user_id, sku_id) values (?, ?)", licenses);
        batch.batchUpdate("insert into sandbox_mailbox (user_id, mailbox_type) values (?, 'UserMailbox')", mailboxes);
        batch.batchUpdate("insert into sandbox_mail_folder (id, user_id, display_name) values (?, ?, 'Inbox')", folders);
        batch.batchUpdate("insert into sandbox_message (id, folder_id, internet_message_id, received_at, mime_content) "
                + "values (?, ?, ?, ?, ?)", messages);
        batch.batchUpdate("insert into sandbox_drive (user_id, id, web_url, used_bytes) values (?, ?, ?, ?)", drives);
    }

    private static void setting(JdbcClient jdbc, String name, String value) {
        jdbc.sql("insert into sandbox_setting (name, setting_value) values (:n, :v)").param("n", name).param("v", value).update();
    }

    private static void subscription(JdbcClient jdbc, String skuId, String partNumber, String name, int total,
                                     String channel, LocalDate commitmentEnd) {
        jdbc.sql("""
                        insert into sandbox_subscription (sku_id, sku_part_number, display_name, total_licenses, purchase_channel, commitment_end_date)
                        values (:id, :part, :name, :total, :channel, :end)""")
                .param("id", skuId).param("part", partNumber).param("name", name).param("total", total)
                .param("channel", channel).param("end", commitmentEnd == null ? null : java.sql.Date.valueOf(commitmentEnd))
                .update();
    }

    static String idOf(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private DemoUser user(String alias, String displayName, String department, boolean synced) {
        return new DemoUser(alias, displayName, department, synced);
    }

    /** One demo user, written by {@link #save()}. */
    private final class DemoUser {
        private final String alias;
        private final String upn;
        private final String displayName;
        private final String department;
        private final boolean synced;
        private String[] skus = {};
        private String[] roles = {};
        private String[] aliases = {};
        private int messages = -1;
        private boolean shared;
        private String forwarding;
        private long extraBytes;
        private long driveBytes = -1;

        DemoUser(String alias, String displayName, String department, boolean synced) {
            this.alias = alias;
            this.upn = alias + "@" + DOMAIN;
            this.displayName = displayName;
            this.department = department;
            this.synced = synced;
        }

        DemoUser licenses(String... skuIds) { this.skus = skuIds; return this; }
        DemoUser roles(String... roleNames) { this.roles = roleNames; return this; }
        DemoUser aliases(String... localParts) { this.aliases = localParts; return this; }
        DemoUser mailbox(int messageCount) { this.messages = messageCount; return this; }
        DemoUser shared() { this.shared = true; return this; }
        DemoUser forwarding(String address) { this.forwarding = address; return this; }
        DemoUser simulatedExtraBytes(long bytes) { this.extraBytes = bytes; return this; }
        DemoUser drive(long usedBytes) { this.driveBytes = usedBytes; return this; }

        void save() {
            JdbcClient jdbc = store.jdbc();
            String id = idOf(upn);
            jdbc.sql("""
                            insert into sandbox_user (id, user_principal_name, display_name, mail, department, account_enabled, on_premises_sync_enabled)
                            values (:id, :upn, :name, :mail, :dept, :enabled, :synced)""")
                    .param("id", id).param("upn", upn.toLowerCase(Locale.ROOT)).param("name", displayName)
                    .param("mail", messages >= 0 ? upn : null).param("dept", department)
                    .param("enabled", !shared).param("synced", synced).update();
            for (String role : roles) {
                jdbc.sql("insert into sandbox_user_role (user_id, role_name) values (:id, :role)")
                        .param("id", id).param("role", role).update();
            }
            for (String sku : skus) {
                jdbc.sql("insert into sandbox_license (user_id, sku_id) values (:id, :sku)")
                        .param("id", id).param("sku", sku).update();
            }
            if (messages >= 0) {
                saveMailbox(jdbc, id);
            }
            if (driveBytes >= 0) {
                jdbc.sql("insert into sandbox_drive (user_id, id, web_url, used_bytes) values (:user, :id, :url, :bytes)")
                        .param("user", id).param("id", idOf("drive:" + upn))
                        .param("url", "https://contoso-my.sharepoint.com/personal/" + alias.replace('.', '_') + "_contoso_com")
                        .param("bytes", driveBytes).update();
            }
        }

        private void saveMailbox(JdbcClient jdbc, String id) {
            jdbc.sql("""
                            insert into sandbox_mailbox (user_id, mailbox_type, forwarding_address, simulated_extra_bytes)
                            values (:id, :type, :fwd, :extra)""")
                    .param("id", id).param("type", shared ? "SharedMailbox" : "UserMailbox")
                    .param("fwd", forwarding).param("extra", extraBytes).update();
            for (String local : aliases) {
                jdbc.sql("insert into sandbox_mailbox_alias (user_id, address) values (:id, :a)")
                        .param("id", id).param("a", local + "@" + DOMAIN).update();
            }
            String inbox = folder(jdbc, id, null, "Inbox");
            String projects = folder(jdbc, id, inbox, "Projects");
            String sent = folder(jdbc, id, null, "Sent Items");
            String archive = folder(jdbc, id, null, "Archive");
            String[] folders = {inbox, inbox, projects, sent, archive};
            Random random = new Random(upn.hashCode());
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            for (int i = 0; i < messages; i++) {
                String folderId = folders[i % folders.length];
                boolean outgoing = folderId.equals(sent);
                String colleague = COLLEAGUES[random.nextInt(COLLEAGUES.length)] + "@" + DOMAIN;
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                Instant sentAt = start.plus(Duration.ofHours(7L * i + random.nextInt(6)));
                String messageId = "<" + idOf(upn + "#" + i) + "@" + DOMAIN + ">";
                String subject = topic + (i % 3 == 0 ? "" : " (" + (i + 1) + ")");
                String body = "Hi,\n\n" + BODIES[random.nextInt(BODIES.length)] + "\n\nBest regards,\n"
                        + (outgoing ? displayName : colleague) + "\n";
                byte[] mime = i % 4 == 1
                        ? MimeMessages.build(outgoing ? upn : colleague, outgoing ? colleague : upn, subject, body,
                            sentAt, messageId, MimeMessages.csv("figures-" + (i + 1) + ".csv",
                                    "month,amount\nJanuary," + random.nextInt(9000) + "\nFebruary," + random.nextInt(9000) + "\n"))
                        : MimeMessages.text(outgoing ? upn : colleague, outgoing ? colleague : upn, subject, body,
                            sentAt, messageId);
                jdbc.sql("""
                                insert into sandbox_message (id, folder_id, internet_message_id, received_at, mime_content)
                                values (:id, :folder, :mid, :at, :mime)""")
                        .param("id", idOf(upn + "/message/" + i)).param("folder", folderId).param("mid", messageId)
                        .param("at", sentAt.atOffset(ZoneOffset.UTC)).param("mime", mime).update();
            }
        }

        private String folder(JdbcClient jdbc, String userId, String parentId, String name) {
            String folderId = idOf(upn + "/folder/" + name);
            jdbc.sql("insert into sandbox_mail_folder (id, user_id, parent_id, display_name) values (:id, :user, :parent, :name)")
                    .param("id", folderId).param("user", userId).param("parent", parentId).param("name", name).update();
            return folderId;
        }
    }

    private static final String[] COLLEAGUES = {"diego.siciliani", "lynne.robbins", "miriam.graham", "johanna.lorenz",
            "alex.wilber", "adele.vance"};
    private static final String[] TOPICS = {"Quarterly figures", "Project Falcon kick-off", "Store opening in Lyon",
            "Holiday rota", "Supplier contract renewal", "Customer feedback summary", "Budget 2027 draft",
            "Team offsite agenda", "Re: Invoice 4711", "Training schedule"};
    private static final String[] BODIES = {
            "please find the latest numbers attached. Let me know if anything looks off.",
            "thanks for your help last week. Could we meet on Thursday to go through the open points?",
            "the supplier confirmed the new delivery dates; I have updated the plan accordingly.",
            "here is a short summary of what we agreed in today's call, with the next steps for each of us.",
            "the draft is ready for review. Comments by Friday would be great.",
            "a reminder that the rota for December is due next week."};
}
