package dev.offboarding.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a mailbox backup holds: one entry per message, each with its SHA-256.
 *
 * @param expectedItemCount how many messages the mailbox's folders reported when the export ended
 */
public record BackupManifest(
        int formatVersion,
        String userPrincipalName,
        String backupId,
        Instant completedAt,
        long expectedItemCount,
        long messageCount,
        List<Entry> messages) {

    public static final int FORMAT_VERSION = 1;

    /**
     * @param file path of the {@code .eml} file relative to the backup folder
     */
    public record Entry(String messageId, String folder, String file, long bytes, String sha256) {
    }
}
