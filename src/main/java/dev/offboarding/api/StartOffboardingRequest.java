package dev.offboarding.api;

import dev.offboarding.process.Decisions;

/**
 * {@code POST /api/offboardings}. {@code requestedBy} is not here on purpose: the server takes it from the login.
 *
 * @param leaveDate optional: the last working day ({@code 2026-12-18}) or the moment the offboarding begins
 *                  ({@code 2026-12-18T17:00}); nothing changes in the tenant before it
 * @param timeZone  optional: the time zone of {@code leaveDate} ({@code Europe/Berlin})
 * @param template  optional: the name of a decision template ({@code offboarding.decision-templates}); the
 *                  request's own {@code decisions} win over it field by field
 * @param decisions optional; given (or a template), the decision task is skipped and the caller is recorded as
 *                  {@code decidedBy}
 */
public record StartOffboardingRequest(String userPrincipalName, String reason, String ticketReference,
                                      String leaveDate, String timeZone, String template, Decisions decisions) {

    /** The same request with these decisions instead, e.g. once a template is applied. */
    StartOffboardingRequest withDecisions(Decisions applied) {
        return new StartOffboardingRequest(userPrincipalName, reason, ticketReference, leaveDate, timeZone, null, applied);
    }
}
