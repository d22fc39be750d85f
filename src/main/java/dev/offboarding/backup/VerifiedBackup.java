package dev.offboarding.backup;

import java.nio.file.Path;

/** A backup that was read back and matched its manifest. */
public record VerifiedBackup(Path location, long messageCount, String manifestSha256) {
}
