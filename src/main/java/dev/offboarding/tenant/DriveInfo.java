package dev.offboarding.tenant;

/** A user's OneDrive. */
public record DriveInfo(String id, String webUrl, long usedBytes) {
}
