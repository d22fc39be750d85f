package dev.offboarding.process;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the offboardings changed in the tenant, in words a person reads in the audit report. A step records its change
 * right after the tenant's port made it, in the step's own transaction (the engine's): the record commits exactly
 * when the step does, and a step that fails leaves none. Recorded here rather than taken from the sandbox's own
 * log, so that it reads the same against Microsoft 365.
 *
 * <p>Idempotent like the steps: a change is recorded once per offboarding, step and change, however often the step
 * runs. The first run's detail stays.
 */
@Component
public class TenantChanges {

    static final int MAX_CHANGE_LENGTH = 500;
    static final int MAX_DETAIL_LENGTH = 4000;

    /** One change, as recorded. */
    public record TenantChange(Instant occurredAt, String step, String change, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public TenantChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the current step of {@code execution} made this change, unless it was recorded already. */
    public void record(DelegateExecution execution, String change) {
        record(execution, change, null);
    }

    /**
     * As {@link #record(DelegateExecution, String)}, with a detail that may differ between runs (what the tenant
     * answered, a mail's subject): it does not make a second record.
     */
    public void record(DelegateExecution execution, String change, String detail) {
        String processInstanceId = execution.getProcessInstanceId();
        String step = execution.getCurrentActivityId();
        String text = cut(change, MAX_CHANGE_LENGTH);
        boolean recorded = jdbc.sql("""
                        select count(*) from offboarding_change
                        where process_instance_id = :pid and step = :step and change = :change""")
                .param("pid", processInstanceId)
                .param("step", step)
                .param("change", text)
                .query(Long.class).single() > 0;
        if (recorded) {
            return;
        }
        // Two runs at the same moment: the unique key lets one commit; the other fails and is retried, then finds it.
        jdbc.sql("""
                        insert into offboarding_change (process_instance_id, occurred_at, step, change, detail)
                        values (:pid, :at, :step, :change, :detail)""")
                .param("pid", processInstanceId)
                .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                .param("step", step)
                .param("change", text)
                .param("detail", detail == null || detail.isBlank() ? null : cut(detail, MAX_DETAIL_LENGTH))
                .update();
    }

    /** Every change of this offboarding, in the order they were made. */
    public List<TenantChange> of(String processInstanceId) {
        return jdbc.sql("""
                        select occurred_at, step, change, detail from offboarding_change
                        where process_instance_id = :pid order by id""")
                .param("pid", processInstanceId)
                .query((rs, n) -> new TenantChange(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("step"), rs.getString("change"), rs.getString("detail")))
                .list();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
