package dev.offboarding.tenant;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The Exchange Online part of a tenant. Every change is idempotent. */
public interface Mailboxes {

    Optional<MailboxInfo> findMailbox(String userPrincipalName);

    /** Every folder of the mailbox, child folders included. */
    List<MailFolder> listFolders(String userPrincipalName);

    /** Hands every message of the folder to {@code action}, page by page, never all at once. */
    void forEachMessage(String userPrincipalName, String folderId, Consumer<MessageRef> action);

    /** Writes the message's MIME content (RFC 5322) to {@code out}, streamed. */
    void copyMimeContent(String userPrincipalName, String messageId, OutputStream out) throws IOException;

    /** {@code Set-Mailbox -Type Shared}. Already shared is fine. */
    void convertToShared(String userPrincipalName);

    /** {@code Add-MailboxPermission -AccessRights FullAccess}. Already granted is fine. */
    void grantFullAccess(String userPrincipalName, String trusteeUserPrincipalName);

    void setDisplayName(String userPrincipalName, String displayName);

    /** Enables automatic replies with these texts; a blank text leaves that audience without one. */
    void setAutoReplies(String userPrincipalName, String internalMessage, String externalMessage);

    /** Removes every secondary SMTP address and returns the ones removed (none when already done). */
    List<String> removeAliases(String userPrincipalName);
}
