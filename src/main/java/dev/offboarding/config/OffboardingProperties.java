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
 */
@ConfigurationProperties("offboarding")
public record OffboardingProperties(
        @DefaultValue("P30D") Duration restoreWindow,
        @DefaultValue("PT10S,PT1M,PT5M,PT15M,PT1H") String retryCycle,
        @DefaultValue Tenant tenant,
        @DefaultValue Backup backup,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Demo demo) {

    public enum TenantMode { sandbox, graph }

    public record Tenant(@DefaultValue("sandbox") TenantMode mode) {
    }

    public record Backup(@DefaultValue("./data/mailbox-backups") Path directory) {
    }

    /** @param demoData fill an empty sandbox tenant with the demo users */
    public record Sandbox(@DefaultValue("true") boolean demoData) {
    }

    /** Logins of the demo configuration; empty in every other profile. */
    public record Demo(@DefaultValue List<DemoUser> users) {
    }

    public record DemoUser(String id, String password, String firstName, String lastName, @DefaultValue List<String> groups) {
    }
}
