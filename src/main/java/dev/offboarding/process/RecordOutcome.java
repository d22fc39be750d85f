package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.OUTCOME;

import dev.offboarding.metrics.OffboardingMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On an outcome end event (Rejected, ConvertedToSharedMailbox, Deleted, Restored, Cancelled): outcome = its id. */
@Component("recordOutcome")
public class RecordOutcome implements ExecutionListener {

    private final OffboardingMetrics metrics;

    public RecordOutcome(OffboardingMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(OUTCOME, execution.getCurrentActivityId());
        metrics.ended(execution.getCurrentActivityId());
    }
}
