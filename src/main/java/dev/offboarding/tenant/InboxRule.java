package dev.offboarding.tenant;

/** A rule of the user's Inbox ({@code messageRule}), e.g. one that forwards or moves mail. */
public record InboxRule(String id, String displayName) {
}
