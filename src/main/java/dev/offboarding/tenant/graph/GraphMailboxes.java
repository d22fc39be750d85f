package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.READ_MAIL;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_USERS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.MailboxType;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.MessageRef;
import dev.offboarding.tenant.TenantCalls;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.MobileDevice;
import dev.offboarding.tenant.MailboxRight;
import dev.offboarding.tenant.InboxRule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailboxes: their settings through Exchange Online cmdlets, their folders and messages through Microsoft Graph.
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

    // PLACEHOLDER: replaced by the Graph and Exchange mapping of the leaver checklist.
    @Override
    public void hideFromAddressLists(String userPrincipalName) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public List<InboxRule> inboxRules(String userPrincipalName) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void removeInboxRule(String userPrincipalName, InboxRule rule) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public List<MobileDevice> mobileDevices(String userPrincipalName) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void removeMobileDevice(String userPrincipalName, MobileDevice device) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public List<MailboxRight> rightsOnOtherMailboxes(String userPrincipalName) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void removeRightOnOtherMailbox(String userPrincipalName, MailboxRight right) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void setForwarding(String userPrincipalName, String forwardTo) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }
}
