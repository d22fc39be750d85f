package dev.offboarding.api;

import dev.offboarding.process.Decisions;

/**
 * {@code POST /api/offboardings}. {@code requestedBy} is not here on purpose: the server takes it from the login.
 *
 * @param decisions optional; given, the decision task is skipped and the caller is recorded as {@code decidedBy}
 */
public record StartOffboardingRequest(String userPrincipalName, String reason, String ticketReference,
                                      Decisions decisions) {
}
