package dev.offboarding.tenant.sandbox;

import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.tenant.TenantCallListener;
import dev.offboarding.tenant.TenantCalls;
import dev.offboarding.tenant.TenantException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox tenant's storage, reached the way a real tenant is: every call goes through the same call policy
 * (calls in flight bounded, Retry-After honoured, backoff on errors) and may meet the faults the sandbox is told to
 * make. Each call commits on its own, as a call to Microsoft 365 would: a step that fails after changing the tenant
 * finds the change still there when it is retried, so idempotency is tested for real.
 */
@Component
@SandboxMode
public class SandboxStore {

    static final String SERVICE = "Sandbox tenant";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final TenantCalls calls;
    private final SandboxFaultInjector faults;
    private final TenantCalls.Sleeper sleeper;

    SandboxStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                 OffboardingProperties properties, SandboxFaultInjector faults, TenantCalls.Sleeper sleeper,
                 ObjectProvider<TenantCallListener> listener) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.faults = faults;
        this.sleeper = sleeper;
        OffboardingProperties.Sandbox sandbox = properties.sandbox();
        this.calls = new TenantCalls(SERVICE, new TenantCalls.Settings(sandbox.maxConcurrentCalls(), Duration.ofSeconds(30),
                sandbox.maxAttempts(), sandbox.maxInlineWait()), sleeper,
                listener.getIfAvailable(() -> TenantCallListener.NONE));
    }

    /** One call to the tenant: the faults the sandbox is told to make, then the work in a transaction of its own. */
    public <T> T call(String operation, Supplier<T> work) {
        return calls.call(operation, () -> {
            pause(faults.latency());
            SandboxFaultInjector.Answer answer = faults.next(operation);
            if (answer instanceof SandboxFaultInjector.Throttle throttle) {
                return new TenantCalls.Retry<>(throttle.retryAfter(), "answered 429 Too Many Requests", "429");
            }
            if (answer instanceof SandboxFaultInjector.ServerError) {
                return new TenantCalls.Retry<>(null, "answered 503 Service Unavailable", "503");
            }
            if (answer instanceof SandboxFaultInjector.Hang hang) {
                pause(hang.timeout());
                return new TenantCalls.Retry<>(null, "did not answer within " + hang.timeout().toMillis() + " ms", "timeout");
            }
            return new TenantCalls.Done<>(direct(work), "ok");
        });
    }

    public void run(String operation, Runnable work) {
        call(operation, () -> {
            work.run();
            return null;
        });
    }

    /** Reads or seeds the sandbox in a transaction of its own, without faults: for people and set-up, not steps. */
    public <T> T direct(Supplier<T> work) {
        try {
            return ownTransaction.execute(status -> work.get());
        } catch (TenantException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TenantException("The sandbox tenant failed: " + e.getMessage()
                    + ". Check the application's database, then retry the step.", e);
        }
    }

    public void directRun(Runnable work) {
        direct(() -> {
            work.run();
            return null;
        });
    }

    private void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while calling the sandbox tenant; the step is retried.", e);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Writes one line of the tenant's record of changes. */
    public void record(String operation, String target, String detail) {
        jdbc.sql("insert into sandbox_mutation (occurred_at, operation, target, detail) values (:at, :op, :target, :detail)")
                .param("at", now())
                .param("op", operation)
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    /** The id of the active (not deleted) user with this UPN. */
    public Optional<String> activeUserId(String userPrincipalName) {
        return jdbc.sql("select id from sandbox_user where user_principal_name = lower(:upn) and deleted_at is null")
                .param("upn", userPrincipalName)
                .query(String.class)
                .optional();
    }

    public String requireActiveUserId(String userPrincipalName) {
        return activeUserId(userPrincipalName).orElseThrow(() -> new TenantException(
                "The sandbox tenant has no active user " + userPrincipalName
                        + ". Check the name, or restore the user, then retry the step."));
    }

    /**
     * Refuses a change that Microsoft 365 makes only in on-premises AD for a synced user (its password, its
     * address-list visibility): throws with {@code refusal} when the user is synced.
     */
    public void requireCloudManaged(String userId, String refusal) {
        boolean synced = jdbc.sql("select on_premises_sync_enabled from sandbox_user where id = :id")
                .param("id", userId).query(Boolean.class).single();
        if (synced) {
            throw new TenantException(refusal);
        }
    }

    public Optional<String> userPrincipalNameOf(String userId) {
        return jdbc.sql("select user_principal_name from sandbox_user where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    public String setting(String name, String defaultValue) {
        return jdbc.sql("select setting_value from sandbox_setting where name = :name")
                .param("name", name)
                .query(String.class)
                .optional()
                .orElse(defaultValue);
    }
}
