package dev.offboarding.tenant;

/** One message of a mailbox: enough to fetch its MIME content. */
public record MessageRef(String id, String folderId) {
}
