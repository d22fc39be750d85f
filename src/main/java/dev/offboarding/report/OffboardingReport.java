package dev.offboarding.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit report of one offboarding: who asked and why, who decided what and when, every step with its times and
 * result, what was changed in the tenant, the mailbox backup and how it ended.
 *
 * @param outcome         Rejected, ConvertedToSharedMailbox, Deleted, Restored or Cancelled; absent while it runs
 *                        and for an instance deleted in Cockpit (then {@code endReason} says why)
 * @param rejectionReason why it was rejected, when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingReport(
        String id,
        String userPrincipalName,
        String displayName,
        Instant generatedAt,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String rejectionReason,
        String endReason,
        Request request,
        Decision decision,
        List<Step> steps,
        List<TenantChange> tenantChanges,
        Backup backup) {

    public boolean ended() {
        return endedAt != null;
    }

    /** Who asked for the offboarding; {@code requestedBy} is the login, never taken from input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String requestedBy, Instant requestedAt, String reason, String ticketReference) {
    }

    /**
     * The admin's decision and what the rules of the guidance made of it.
     *
     * @param decidedAtStart true when the decisions came with the request, false when an admin decided in Tasklist
     * @param decisions      every decision variable, the later tasks' answers included (license count reduced,
     *                       removed from on-premises AD)
     * @param route          CONVERT, DELETE_IN_CLOUD, DELETE_ON_PREMISES or REJECT
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String decidedBy, Instant decidedAt, Boolean decidedAtStart, Map<String, Object> decisions,
                           String route, Boolean keepLicenses, String guidanceNote) {
    }

    /**
     * A step of the model that ran, runs or was attempted.
     *
     * @param result         COMPLETED, COMPLETED_AFTER_RETRY (it failed first, see {@code failedAttempts}), ACTIVE,
     *                       CANCELED, WAITING_FOR_RETRY or INCIDENT
     * @param completedBy    who completed a user task, when the engine knows
     * @param failedAttempts each failed run of the step, from the engine's job log
     * @param incidents      each incident of the step: raised when its retries ran out
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt, String result,
                       String completedBy, List<FailedAttempt> failedAttempts, List<Incident> incidents) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailedAttempt(Instant at, String error, Integer retriesLeft) {
    }

    /** @param state OPEN, RESOLVED (the step was retried) or DELETED (the offboarding ended without it) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(Instant createdAt, Instant endedAt, String state, String message) {
    }

    /** A change the offboarding made in the tenant, as the step that made it recorded it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TenantChange(Instant occurredAt, String step, String stepName, String change, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Backup(String location, Long messageCount, String manifestSha256, Instant verifiedAt) {
    }
}
