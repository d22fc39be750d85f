package dev.offboarding.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One offboarding as the API shows it: who, where it stands, what was done and decided, what it waits for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingView(
        String id,
        String userPrincipalName,
        String displayName,
        OffboardingState state,
        String outcome,
        String rejectionReason,
        String reason,
        String ticketReference,
        String requestedBy,
        String decidedBy,
        Instant startedAt,
        Instant endedAt,
        Instant leaveAt,
        Map<String, Object> decisions,
        List<Step> steps,
        CurrentWait currentWait,
        Backup backup,
        Instant restoreWindowEndsAt) {

    /** A step of the model that ran or runs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
                       String status) {
    }

    /**
     * What the offboarding waits for now.
     *
     * @param kind      USER_TASK, TIMER, MESSAGE, JOB or INCIDENT
     * @param lastError the last technical error of a step being retried, or the incident's message
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentWait(String kind, String activityId, String description, List<String> candidateGroups,
                              Instant dueAt, Integer retriesLeft, String lastError) {
    }

    public record Backup(String location, Long messageCount, String manifestSha256) {
    }

    /** The short form used in lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String userPrincipalName, String displayName, OffboardingState state,
                          String outcome, Instant startedAt, Instant endedAt) {
    }
}
