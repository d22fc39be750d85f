package dev.offboarding.tenant;

import java.util.List;

/**
 * What Exchange reports of a mailbox ({@code Get-Mailbox}, {@code Get-MailboxStatistics}).
 *
 * @param aliases           secondary SMTP addresses (without the {@code smtp:} prefix)
 * @param forwardingAddress where mail is forwarded to, or {@code null} when it is not
 */
public record MailboxInfo(
        String userPrincipalName,
        String displayName,
        MailboxType type,
        String primarySmtpAddress,
        List<String> aliases,
        String forwardingAddress,
        long totalItemSizeBytes,
        long itemCount,
        boolean archiveEnabled,
        boolean litigationHoldEnabled) {

    /** A shared mailbox stays free of charge up to this size. */
    public static final long SHARED_MAILBOX_FREE_LIMIT_BYTES = 50L * 1024 * 1024 * 1024;

    public MailboxInfo {
        aliases = List.copyOf(aliases);
    }

    public boolean forwardingEnabled() {
        return forwardingAddress != null && !forwardingAddress.isBlank();
    }

    public boolean over50Gb() {
        return totalItemSizeBytes > SHARED_MAILBOX_FREE_LIMIT_BYTES;
    }
}
