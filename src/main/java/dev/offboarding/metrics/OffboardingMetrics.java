package dev.offboarding.metrics;

import dev.offboarding.tenant.TenantCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * What operations watches, in Micrometer (Prometheus at {@code /actuator/prometheus}): offboardings started, ended
 * per outcome, steps that became incidents and incidents open, step durations, calls to the tenant and its
 * throttling waits. Tags hold step and operation names, never people.
 */
@Component
public class OffboardingMetrics implements TenantCallListener {

    private final MeterRegistry registry;
    private final Counter started;

    public OffboardingMetrics(MeterRegistry registry, RuntimeService runtimeService) {
        this.registry = registry;
        this.started = Counter.builder("offboarding.started").description("Offboardings started").register(registry);
        Gauge.builder("offboarding.incidents.open", runtimeService,
                        runtime -> runtime.createIncidentQuery().processDefinitionKeyIn("offboarding").count())
                .description("Offboarding steps that failed after all retries and wait for an admin")
                .register(registry);
    }

    /** Counted when the transaction that started the offboarding commits: a refused start is not counted. */
    public void started() {
        afterCommit(started::increment);
    }

    public void ended(String outcome) {
        Counter completed = Counter.builder("offboarding.completed").description("Offboardings that reached an outcome")
                .tag("outcome", outcome).register(registry);
        afterCommit(completed::increment);
    }

    private static void afterCommit(Runnable count) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            count.run();
        } else {
            command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> count.run());
        }
    }

    /** A step failed after all its retries: an incident an admin must look at. */
    public void failed(String step) {
        Counter.builder("offboarding.failed").description("Steps that became incidents")
                .tag("step", step == null ? "unknown" : step).register(registry).increment();
    }

    public void step(String step, String result, long nanos) {
        Timer.builder("offboarding.step.duration").description("How long a step of the offboarding took")
                .tag("step", step).tag("result", result).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void called(String service, String operation, String outcome, long nanos) {
        Timer.builder("offboarding.tenant.calls").description("Calls to the tenant, by outcome")
                .tag("service", service).tag("operation", operation).tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void throttled(String service, String operation, Duration wait) {
        Timer.builder("offboarding.tenant.throttling.waits").description("Waits the tenant asked for (Retry-After)")
                .tag("service", service).register(registry).record(wait);
    }

    @Override
    public void paced(String service, Duration wait) {
        Timer.builder("offboarding.tenant.pacing.waits")
                .description("Waits of calls for their turn while the tenant throttles")
                .tag("service", service).register(registry).record(wait);
    }
}
