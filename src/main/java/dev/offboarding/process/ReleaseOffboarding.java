package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When an offboarding ends, however it ends, the user may be offboarded again; then whatever else must happen at the
 * end ({@link OffboardingEnded}, e.g. the copy of the audit report next to the backup) is told.
 */
@Component("releaseOffboarding")
public class ReleaseOffboarding implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReleaseOffboarding.class);

    private final ActiveOffboardings activeOffboardings;
    private final ObjectProvider<OffboardingEnded> whenEnded;

    public ReleaseOffboarding(ActiveOffboardings activeOffboardings, ObjectProvider<OffboardingEnded> whenEnded) {
        this.activeOffboardings = activeOffboardings;
        this.whenEnded = whenEnded;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object userPrincipalName = execution.getVariable(USER_PRINCIPAL_NAME);
        if (userPrincipalName != null) {
            activeOffboardings.release(userPrincipalName.toString(), execution.getProcessInstanceId());
        }
        whenEnded.orderedStream().forEach(listener -> {
            try {
                listener.ended(execution);
            } catch (RuntimeException e) {
                // The offboarding ends all the same: what failed here is extra, not part of the offboarding.
                log.error("After offboarding {} ended, {} failed: {}", execution.getProcessInstanceId(),
                        listener.getClass().getSimpleName(), e.getMessage(), e);
            }
        });
    }
}
