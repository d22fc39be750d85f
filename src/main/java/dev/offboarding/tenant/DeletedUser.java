package dev.offboarding.tenant;

import java.time.Instant;

/** A user in the tenant's deleted items: restorable until Microsoft 365 removes it for good. */
public record DeletedUser(String id, String userPrincipalName, String displayName, Instant deletedAt) {
}
