package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When an offboarding ends, however it ends, the user may be offboarded again. */
@Component("releaseOffboarding")
public class ReleaseOffboarding implements ExecutionListener {

    private final ActiveOffboardings activeOffboardings;

    public ReleaseOffboarding(ActiveOffboardings activeOffboardings) {
        this.activeOffboardings = activeOffboardings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object userPrincipalName = execution.getVariable(USER_PRINCIPAL_NAME);
        if (userPrincipalName != null) {
            activeOffboardings.release(userPrincipalName.toString(), execution.getProcessInstanceId());
        }
    }
}
