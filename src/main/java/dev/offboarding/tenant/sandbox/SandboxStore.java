package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.TenantException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox tenant's storage. Each call commits on its own, as a call to Microsoft 365 would: a step that fails
 * after changing the tenant finds the change still there when it is retried, so idempotency is tested for real.
 */
@Component
@SandboxMode
public class SandboxStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SandboxStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs one call to the tenant in a transaction of its own. */
    public <T> T call(Supplier<T> work) {
        try {
            return ownTransaction.execute(status -> work.get());
        } catch (TenantException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TenantException("The sandbox tenant failed: " + e.getMessage()
                    + ". Check the application's database, then retry the step.", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
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
        return jdbc.sql("select id from sandbox_user where lower(user_principal_name) = lower(:upn) and deleted_at is null")
                .param("upn", userPrincipalName)
                .query(String.class)
                .optional();
    }

    public String requireActiveUserId(String userPrincipalName) {
        return activeUserId(userPrincipalName).orElseThrow(() -> new TenantException(
                "The sandbox tenant has no active user " + userPrincipalName
                        + ". Check the name, or restore the user, then retry the step."));
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
