package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.READ_MAIL;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_MAILBOX_SETTINGS;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_MAILBOX_SETTINGS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_USERS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.InboxRule;
import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.MailboxRight;
import dev.offboarding.tenant.MailboxType;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.MessageRef;
import dev.offboarding.tenant.MobileDevice;
import dev.offboarding.tenant.TenantCalls;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailboxes: their settings, devices and permissions through Exchange Online cmdlets, their folders, messages and Inbox
 * rules through Microsoft Graph.
 */
public class GraphMailboxes implements Mailboxes {

    private static final Pattern BYTES = Pattern.compile("\\(([\\d,.\\s\u00a0']+) bytes\\)");
    private static final String NO_ARCHIVE = "00000000-0000-0000-0000-000000000000";

    private final GraphApi graph;
    private final ExchangeCommands exchange;
    private final GraphProperties properties;
    private final TenantCalls.Sleeper sleeper;

    public GraphMailboxes(GraphApi graph, ExchangeCommands exchange, GraphProperties properties,
                          TenantCalls.Sleeper sleeper) {
        this.graph = graph;
        this.exchange = exchange;
        this.properties = properties;
        this.sleeper = sleeper;
    }

    @Override
    public Optional<MailboxInfo> findMailbox(String userPrincipalName) {
        Optional<JsonNode> mailbox = getMailbox(userPrincipalName);
        if (mailbox.isEmpty()) {
            return Optional.empty();
        }
        JsonNode box = mailbox.get();
        JsonNode statistics = exchange.invoke("Get-MailboxStatistics", Map.of("Identity", userPrincipalName),
                "read the mailbox's size").stream().findFirst().orElse(null);
        List<String> aliases = new ArrayList<>();
        box.path("EmailAddresses").forEach(address -> {
            if (address.asText().startsWith("smtp:")) {
                aliases.add(address.asText().substring("smtp:".length()));
            }
        });
        String forwarding = firstNonBlank(stripPrefix(box.path("ForwardingSmtpAddress").asText(null)),
                box.path("ForwardingAddress").asText(null));
        boolean archive = "Active".equalsIgnoreCase(box.path("ArchiveStatus").asText(""))
                || !NO_ARCHIVE.equals(box.path("ArchiveGuid").asText(NO_ARCHIVE));
        return Optional.of(new MailboxInfo(userPrincipalName, box.path("DisplayName").asText(null),
                "SharedMailbox".equals(box.path("RecipientTypeDetails").asText()) ? MailboxType.SharedMailbox
                        : MailboxType.UserMailbox,
                box.path("PrimarySmtpAddress").asText(null), aliases, forwarding,
                statistics == null ? 0 : bytes(statistics.path("TotalItemSize")),
                statistics == null ? 0 : statistics.path("ItemCount").asLong(0),
                archive, box.path("LitigationHoldEnabled").asBoolean(false)));
    }

    private Optional<JsonNode> getMailbox(String userPrincipalName) {
        return exchange.invokeUnlessNotFound("Get-Mailbox", Map.of("Identity", userPrincipalName), "read the mailbox")
                .flatMap(found -> found.stream().findFirst());
    }

    /** {@code "1.234 GB (1,325,420,544 bytes)"}, or a plain number. */
    static long bytes(JsonNode size) {
        if (size.isNumber()) {
            return size.asLong();
        }
        Matcher matcher = BYTES.matcher(size.asText(""));
        if (matcher.find()) {
            return Long.parseLong(matcher.group(1).replaceAll("[^0-9]", ""));
        }
        return 0;
    }

    @Override
    public List<MailFolder> listFolders(String userPrincipalName) {
        List<MailFolder> folders = new ArrayList<>();
        collectFolders(userPrincipalName, graph.url("/users/{}/mailFolders?includeHiddenFolders=true&$top=100",
                userPrincipalName), "", folders);
        return folders;
    }

    private void collectFolders(String userPrincipalName, URI page, String parentPath, List<MailFolder> folders) {
        List<JsonNode> found = new ArrayList<>();
        graph.forEach(page, "list the mail folders", READ_MAIL, found::add);
        for (JsonNode folder : found) {
            if (folder.path("@odata.type").asText("").endsWith("mailSearchFolder")) {
                continue; // a saved search shows messages that live in other folders
            }
            String path = parentPath.isEmpty() ? folder.path("displayName").asText()
                    : parentPath + "/" + folder.path("displayName").asText();
            String id = folder.path("id").asText();
            folders.add(new MailFolder(id, path, folder.path("totalItemCount").asLong(0)));
            if (folder.path("childFolderCount").asInt(0) > 0) {
                collectFolders(userPrincipalName, graph.url("/users/{}/mailFolders/{}/childFolders?includeHiddenFolders=true&$top=100",
                        userPrincipalName, id), path, folders);
            }
        }
    }

    @Override
    public void forEachMessage(String userPrincipalName, String folderId, Consumer<MessageRef> action) {
        graph.forEach(graph.url("/users/{}/mailFolders/{}/messages?$select=id&$top=100", userPrincipalName, folderId),
                "list the messages of a mail folder", READ_MAIL,
                message -> action.accept(new MessageRef(message.path("id").asText(), folderId)));
    }

    @Override
    public void copyMimeContent(String userPrincipalName, String messageId, OutputStream out) throws IOException {
        graph.http().download(TenantHttp.Call.get(graph.url("/users/{}/messages/{}/$value", userPrincipalName, messageId),
                "read a message's MIME content", READ_MAIL), out);
    }

    @Override
    public void convertToShared(String userPrincipalName) {
        if (!isShared(userPrincipalName)) {
            exchange.invoke("Set-Mailbox", Map.of("Identity", userPrincipalName, "Type", "Shared"),
                    "convert the mailbox to a shared mailbox");
        }
        // Exchange converts in the background: licenses may only go once it reports a shared mailbox.
        Instant deadline = Instant.now().plus(properties.sharedMailboxWait());
        while (!isShared(userPrincipalName)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TenantException("Exchange Online has not finished converting the mailbox of "
                        + userPrincipalName + " to a shared mailbox after " + properties.sharedMailboxWait().toSeconds()
                        + " s. The step checks again at its next retry; the licenses stay until it is done.");
            }
            pause(properties.sharedMailboxPollInterval());
        }
    }

    private boolean isShared(String userPrincipalName) {
        JsonNode mailbox = getMailbox(userPrincipalName).orElseThrow(() -> new TenantException(userPrincipalName
                + " has no mailbox in Exchange Online any more. Check the user in the Exchange admin center."));
        return "SharedMailbox".equals(mailbox.path("RecipientTypeDetails").asText());
    }

    @Override
    public void grantFullAccess(String userPrincipalName, String trusteeUserPrincipalName) {
        List<JsonNode> existing = exchange.invokeUnlessNotFound("Get-MailboxPermission",
                Map.of("Identity", userPrincipalName, "User", trusteeUserPrincipalName),
                "read the mailbox's permissions").orElse(List.of());
        boolean granted = existing.stream().anyMatch(entry -> !entry.path("Deny").asBoolean(false)
                && entry.path("AccessRights").toString().contains("FullAccess"));
        if (!granted) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("Identity", userPrincipalName);
            parameters.put("User", trusteeUserPrincipalName);
            parameters.put("AccessRights", List.of("FullAccess"));
            parameters.put("InheritanceType", "All");
            parameters.put("AutoMapping", true);
            exchange.invoke("Add-MailboxPermission", parameters, "give the delegate Full Access to the mailbox");
        }
    }

    @Override
    public void setDisplayName(String userPrincipalName, String displayName) {
        JsonNode user = graph.get(graph.url("/users/{}?$select=id,displayName", userPrincipalName), "read the user",
                READ_USERS);
        if (!displayName.equals(user.path("displayName").asText())) {
            graph.send("PATCH", graph.url("/users/{}", userPrincipalName), Map.of("displayName", displayName),
                    "rename the shared mailbox", WRITE_USERS);
        }
    }

    @Override
    public void setAutoReplies(String userPrincipalName, String internalMessage, String externalMessage) {
        boolean external = externalMessage != null && !externalMessage.isBlank();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", userPrincipalName);
        parameters.put("AutoReplyState", "Enabled");
        parameters.put("InternalMessage", internalMessage == null || internalMessage.isBlank() ? null : internalMessage);
        parameters.put("ExternalMessage", external ? externalMessage : null);
        parameters.put("ExternalAudience", external ? "All" : "None");
        exchange.invoke("Set-MailboxAutoReplyConfiguration", parameters, "set the automatic replies");
    }

    @Override
    public List<String> removeAliases(String userPrincipalName) {
        JsonNode mailbox = getMailbox(userPrincipalName).orElseThrow(() -> new TenantException(userPrincipalName
                + " has no mailbox in Exchange Online."));
        List<String> secondary = new ArrayList<>();
        mailbox.path("EmailAddresses").forEach(address -> {
            if (address.asText().startsWith("smtp:")) {
                secondary.add(address.asText());
            }
        });
        if (secondary.isEmpty()) {
            return List.of();
        }
        Map<String, Object> remove = new LinkedHashMap<>();
        remove.put("@odata.type", "#Exchange.GenericHashTable");
        remove.put("Remove", secondary);
        exchange.invoke("Set-Mailbox", Map.of("Identity", userPrincipalName, "EmailAddresses", remove),
                "remove the mailbox's aliases");
        return secondary.stream().map(address -> address.substring("smtp:".length())).toList();
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while waiting for Exchange Online; the step is retried.", e);
        }
    }

    private static String stripPrefix(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.regionMatches(true, 0, "smtp:", 0, 5) ? address.substring(5) : address;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }

    @Override
    public void hideFromAddressLists(String userPrincipalName) {
        JsonNode mailbox = getMailbox(userPrincipalName).orElseThrow(() -> new TenantException(userPrincipalName
                + " has no mailbox in Exchange Online."));
        if (mailbox.path("HiddenFromAddressListsEnabled").asBoolean(false)) {
            return;
        }
        if (mailbox.path("IsDirSynced").asBoolean(false)) {
            // Exchange Online refuses to change what on-premises AD masters.
            throw new TenantException("The mailbox of " + userPrincipalName + " belongs to a user synced from "
                    + "on-premises Active Directory: hide it there (msExchHideFromAddressLists) and let Microsoft Entra "
                    + "Connect sync it.");
        }
        exchange.invoke("Set-Mailbox", Map.of("Identity", userPrincipalName, "HiddenFromAddressListsEnabled", true),
                "hide the mailbox from the address lists");
    }

    @Override
    public List<InboxRule> inboxRules(String userPrincipalName) {
        List<InboxRule> rules = new ArrayList<>();
        graph.forEach(graph.url("/users/{}/mailFolders/inbox/messageRules", userPrincipalName),
                "read the rules of the Inbox", READ_MAILBOX_SETTINGS,
                rule -> rules.add(new InboxRule(rule.path("id").asText(), rule.path("displayName").asText())));
        return rules;
    }

    @Override
    public void removeInboxRule(String userPrincipalName, InboxRule rule) {
        graph.sendUnlessAbsent("DELETE", graph.url("/users/{}/mailFolders/inbox/messageRules/{}", userPrincipalName,
                rule.id()), null, "delete the Inbox rule " + rule.displayName(), WRITE_MAILBOX_SETTINGS); // 404: gone
    }

    @Override
    public List<MobileDevice> mobileDevices(String userPrincipalName) {
        List<JsonNode> devices = exchange.invokeUnlessNotFound("Get-MobileDevice",
                Map.of("Mailbox", userPrincipalName), "read the mailbox's mobile devices").orElse(List.of());
        return devices.stream().map(device -> {
            String identity = device.path("Identity").asText();
            String name = firstNonBlank(device.path("FriendlyName").asText(null),
                    firstNonBlank(device.path("DeviceModel").asText(null), device.path("DeviceType").asText(null)));
            return new MobileDevice(identity, name == null ? identity : name);
        }).toList();
    }

    @Override
    public void removeMobileDevice(String userPrincipalName, MobileDevice device) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", device.identity());
        parameters.put("Confirm", false);
        // 404: the partnership is gone already.
        exchange.invokeUnlessNotFound("Remove-MobileDevice", parameters, "remove a mobile device from the mailbox");
    }

    /**
     * Full Access can only be read mailbox by mailbox: one Get-Mailbox for the whole organization (paged), then one
     * Get-MailboxPermission per mailbox. Send As is one Get-RecipientPermission by trustee. See docs/microsoft-365.md
     * for what that costs.
     */
    @Override
    public List<MailboxRight> rightsOnOtherMailboxes(String userPrincipalName) {
        List<JsonNode> all = exchange.invoke("Get-Mailbox", Map.of("ResultSize", "Unlimited"),
                "list the organization's mailboxes");
        Map<String, String> upnByIdentity = new HashMap<>();
        List<MailboxRight> rights = new ArrayList<>();
        for (JsonNode mailbox : all) {
            String other = mailboxName(mailbox);
            if (other == null) {
                continue;
            }
            // Get-RecipientPermission names a mailbox by its Identity (its name): the report names it by its UPN.
            for (String field : List.of("Identity", "Name", "Alias", "PrimarySmtpAddress", "UserPrincipalName")) {
                if (mailbox.hasNonNull(field)) {
                    upnByIdentity.put(mailbox.path(field).asText().toLowerCase(Locale.ROOT), other);
                }
            }
            if (other.equalsIgnoreCase(userPrincipalName)) {
                continue;
            }
            if (hasFullAccess(other, userPrincipalName)) {
                rights.add(new MailboxRight(other, MailboxRight.Right.FullAccess));
            }
        }
        // Without ResultSize Exchange answers with the first 1,000 only.
        for (JsonNode entry : exchange.invoke("Get-RecipientPermission",
                Map.of("Trustee", userPrincipalName, "ResultSize", "Unlimited"), "read the Send As rights the user holds")) {
            String identity = entry.path("Identity").asText();
            String other = upnByIdentity.getOrDefault(identity.toLowerCase(Locale.ROOT), identity);
            if (grants(entry, "SendAs") && !other.equalsIgnoreCase(userPrincipalName)) {
                rights.add(new MailboxRight(other, MailboxRight.Right.SendAs));
            }
        }
        return rights;
    }

    @Override
    public void removeRightOnOtherMailbox(String userPrincipalName, MailboxRight right) {
        switch (right.right()) {
            case FullAccess -> {
                if (hasFullAccess(right.mailbox(), userPrincipalName)) {
                    Map<String, Object> parameters = new LinkedHashMap<>();
                    parameters.put("Identity", right.mailbox());
                    parameters.put("User", userPrincipalName);
                    parameters.put("AccessRights", List.of("FullAccess"));
                    parameters.put("InheritanceType", "All");
                    parameters.put("Confirm", false);
                    exchange.invokeUnlessNotFound("Remove-MailboxPermission", parameters,
                            "take the user's Full Access to " + right.mailbox() + " away");
                }
            }
            case SendAs -> {
                boolean held = exchange.invokeUnlessNotFound("Get-RecipientPermission",
                                Map.of("Identity", right.mailbox(), "Trustee", userPrincipalName),
                                "read the Send As rights on " + right.mailbox()).orElse(List.of())
                        .stream().anyMatch(entry -> grants(entry, "SendAs"));
                if (held) {
                    Map<String, Object> parameters = new LinkedHashMap<>();
                    parameters.put("Identity", right.mailbox());
                    parameters.put("Trustee", userPrincipalName);
                    parameters.put("AccessRights", List.of("SendAs"));
                    parameters.put("Confirm", false);
                    exchange.invokeUnlessNotFound("Remove-RecipientPermission", parameters,
                            "take the user's Send As on " + right.mailbox() + " away");
                }
            }
        }
    }

    /** A Full Access the user was given on that mailbox itself (not inherited, not a deny); a mailbox gone has none. */
    private boolean hasFullAccess(String mailbox, String userPrincipalName) {
        return exchange.invokeUnlessNotFound("Get-MailboxPermission",
                        Map.of("Identity", mailbox, "User", userPrincipalName),
                        "read the permissions on " + mailbox).orElse(List.of())
                .stream().anyMatch(entry -> !entry.path("Deny").asBoolean(false) && grants(entry, "FullAccess"));
    }

    /** An explicit Allow of the right: inherited rights are changed where they come from. */
    private static boolean grants(JsonNode entry, String right) {
        if (entry.path("IsInherited").asBoolean(false) || "Deny".equalsIgnoreCase(entry.path("AccessControlType").asText(""))) {
            return false;
        }
        JsonNode rights = entry.path("AccessRights");
        if (rights.isArray()) {
            for (JsonNode value : rights) {
                if (value.asText().contains(right)) {
                    return true;
                }
            }
            return false;
        }
        return rights.asText("").contains(right);
    }

    private static String mailboxName(JsonNode mailbox) {
        return firstNonBlank(mailbox.path("UserPrincipalName").asText(null), mailbox.path("PrimarySmtpAddress").asText(null));
    }

    @Override
    public void setForwarding(String userPrincipalName, String forwardTo) {
        JsonNode mailbox = getMailbox(userPrincipalName).orElseThrow(() -> new TenantException(userPrincipalName
                + " has no mailbox in Exchange Online."));
        String smtp = stripPrefix(mailbox.path("ForwardingSmtpAddress").asText(null));
        String recipient = firstNonBlank(mailbox.path("ForwardingAddress").asText(null), null);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", userPrincipalName);
        if (forwardTo == null || forwardTo.isBlank()) {
            if (smtp == null && recipient == null) {
                return;
            }
            parameters.put("ForwardingSmtpAddress", null);
            parameters.put("ForwardingAddress", null);
            exchange.invoke("Set-Mailbox", parameters, "stop forwarding the mailbox's mail");
            return;
        }
        String address = forwardTo.strip();
        if (address.equalsIgnoreCase(smtp) && recipient == null
                && mailbox.path("DeliverToMailboxAndForward").asBoolean(false)) {
            return;
        }
        parameters.put("ForwardingSmtpAddress", "smtp:" + address);
        parameters.put("DeliverToMailboxAndForward", true);
        if (recipient != null) {
            // Exchange ignores ForwardingSmtpAddress while ForwardingAddress is set.
            parameters.put("ForwardingAddress", null);
        }
        exchange.invoke("Set-Mailbox", parameters, "forward the mailbox's mail");
    }
}
