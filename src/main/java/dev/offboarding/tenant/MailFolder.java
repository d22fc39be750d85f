package dev.offboarding.tenant;

/**
 * A mail folder, child folders included.
 *
 * @param path display names from the top of the mailbox, joined by {@code /}
 */
public record MailFolder(String id, String path, long totalItemCount) {
}
