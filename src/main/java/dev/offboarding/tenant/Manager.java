package dev.offboarding.tenant;

/** The person a user reports to, as the directory records it. */
public record Manager(String userPrincipalName, String displayName) {
}
