package dev.offboarding.tenant;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/** What a mailbox backup reads of a mailbox: its folders and every message's MIME content. */
public interface MailboxContent {

    /** Every folder of the mailbox, child folders included. */
    List<MailFolder> listFolders(String userPrincipalName);

    /** Hands every message of the folder to {@code action}, page by page, never all at once. */
    void forEachMessage(String userPrincipalName, String folderId, Consumer<MessageRef> action);

    /** Writes the message's MIME content (RFC 5322) to {@code out}, streamed. */
    void copyMimeContent(String userPrincipalName, String messageId, OutputStream out) throws IOException;
}
