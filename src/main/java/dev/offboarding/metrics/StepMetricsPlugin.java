package dev.offboarding.metrics;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Measures every service task's delegate (duration, success or failure) and counts the incidents the engine raises,
 * without touching the delegates themselves.
 */
@Component
class StepMetricsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<OffboardingMetrics> metrics;

    StepMetricsPlugin(ObjectProvider<OffboardingMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDelegateInterceptor engine = new DefaultDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> {
            if (!(invocation instanceof JavaDelegateInvocation)
                    || !(invocation.getContextExecution() instanceof DelegateExecution execution)) {
                engine.handleInvocation(invocation);
                return;
            }
            long started = System.nanoTime();
            String result = "failed";
            try {
                engine.handleInvocation(invocation);
                result = "completed";
            } finally {
                metrics.getObject().step(execution.getCurrentActivityId(), result, System.nanoTime() - started);
            }
        });
        List<IncidentHandler> handlers = new ArrayList<>(configuration.getCustomIncidentHandlers() == null
                ? List.of() : configuration.getCustomIncidentHandlers());
        handlers.add(new CountingIncidentHandler(metrics));
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** The engine's own handling of failed jobs, counted. */
    private static final class CountingIncidentHandler implements IncidentHandler {
        private final DefaultIncidentHandler engine = new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
        private final ObjectProvider<OffboardingMetrics> metrics;

        CountingIncidentHandler(ObjectProvider<OffboardingMetrics> metrics) {
            this.metrics = metrics;
        }

        @Override
        public String getIncidentHandlerType() {
            return Incident.FAILED_JOB_HANDLER_TYPE;
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = engine.handleIncident(context, message);
            metrics.getObject().failed(context.getActivityId());
            return incident;
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            engine.resolveIncident(context);
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            engine.deleteIncident(context);
        }
    }
}
