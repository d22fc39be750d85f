package dev.offboarding.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code offboarding.*}. The names are part of the contract (PROCESS.md).
 *
 * @param restoreWindow how long a deleted user stays restorable before the process confirms the deletion
 * @param retryCycle    waits between retries of a failed step ({@code failedJobRetryTimeCycle})
 * @param tasks         how soon the admins' tasks are due
 * @param scheduling    offboardings requested ahead of the leave date
 * @param bulk          how a bulk request starts its rows
 */
@ConfigurationProperties("offboarding")
public record OffboardingProperties(
        @DefaultValue("P30D") Duration restoreWindow,
        @DefaultValue("PT10S,PT1M,PT5M,PT15M,PT1H") String retryCycle,
        @DefaultValue Tenant tenant,
        @DefaultValue Tasks tasks,
        @DefaultValue Scheduling scheduling,
        @DefaultValue Backup backup,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Demo demo,
        @DefaultValue Bulk bulk) {

    public enum TenantMode { sandbox, graph }

    public record Tenant(@DefaultValue("sandbox") TenantMode mode) {
    }

    /**
     * Time from a task's creation to its due date in Tasklist; never later than the OneDrive deadline.
     *
     * @param decisionDue          deciding how to offboard the person (nothing changes in the tenant before it)
     * @param onPremisesRemovalDue deleting a synced account in on-premises AD (the deletion waits for it)
     * @param licenseReductionDue  lowering a subscription's total (the company pays for the freed license until then)
     */
    public record Tasks(@DefaultValue("P1D") Duration decisionDue,
                        @DefaultValue("P2D") Duration onPremisesRemovalDue,
                        @DefaultValue("P7D") Duration licenseReductionDue) {
    }

    /**
     * @param defaultTimeZone  the time zone of a leave date that names none
     * @param endOfWorkingDay  when the offboarding of someone whose last working day is given begins, local time
     * @param maxAhead         how far ahead an offboarding may be scheduled
     */
    public record Scheduling(@DefaultValue("UTC") java.time.ZoneId defaultTimeZone,
                             @DefaultValue("18:00") java.time.LocalTime endOfWorkingDay,
                             @DefaultValue("P366D") Duration maxAhead) {
    }

    /**
     * @param parallelStarts rows of bulk requests started at the same time (all bulk requests of the node together);
     *                       rows for the same user still start one after the other, in their order
     */
    public record Bulk(@DefaultValue("4") int parallelStarts) {
    }

    public record Backup(@DefaultValue("./data/mailbox-backups") Path directory) {
    }

    /**
     * @param demoData           fill an empty sandbox tenant with the demo users
     * @param generatedUsers     more users to create with the demo data, {@code bulk00001@contoso.com} and on, for
     *                           bulk runs and benchmarks
     * @param maxConcurrentCalls calls in flight to the sandbox at once, as with a real tenant
     * @param maxAttempts        attempts of one call when the sandbox throttles or fails
     * @param maxInlineWait      longest Retry-After waited for inside a step
     * @param faults             what the sandbox does wrong on purpose (can be changed at runtime)
     */
    public record Sandbox(@DefaultValue("true") boolean demoData,
                          @DefaultValue("0") int generatedUsers,
                          @DefaultValue("16") int maxConcurrentCalls,
                          @DefaultValue("5") int maxAttempts,
                          @DefaultValue("PT30S") Duration maxInlineWait,
                          @DefaultValue SandboxFaults faults) {
    }

    /**
     * Faults the sandbox tenant answers with, as a busy Microsoft 365 would; all off by default.
     *
     * @param throttledShare     share of calls answered "429 Too Many Requests" with {@code retryAfter}
     * @param serverErrorShare   share of calls answered with a server error (503)
     * @param timeoutShare       share of calls that hang for {@code timeout} and then fail
     * @param latency            added to every call
     * @param callsPerSecond     a hard rate limit; calls above it are throttled until the next slot (0: none)
     * @param failingOperations  operations that always fail with a server error (e.g. removeLicenses)
     */
    public record SandboxFaults(@DefaultValue("0") double throttledShare,
                                @DefaultValue("PT1S") Duration retryAfter,
                                @DefaultValue("0") double serverErrorShare,
                                @DefaultValue("0") double timeoutShare,
                                @DefaultValue("PT2S") Duration timeout,
                                @DefaultValue("PT0S") Duration latency,
                                @DefaultValue("0") double callsPerSecond,
                                @DefaultValue List<String> failingOperations) {

        public static SandboxFaults none() {
            return new SandboxFaults(0, Duration.ofSeconds(1), 0, 0, Duration.ofSeconds(2), Duration.ZERO, 0, List.of());
        }
    }

    /** Logins of the demo configuration; empty in every other profile. */
    public record Demo(@DefaultValue List<DemoUser> users) {
    }

    public record DemoUser(String id, String password, String firstName, String lastName, @DefaultValue List<String> groups) {
    }
}
