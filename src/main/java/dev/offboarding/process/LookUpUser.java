package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** lookUpUser: reads everything the decision and the later steps need. Changes nothing. */
@Component("lookUpUserDelegate")
public class LookUpUser implements JavaDelegate {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String LAST_GLOBAL_ADMIN = "LAST_GLOBAL_ADMIN";

    private final UserFacts userFacts;

    public LookUpUser(UserFacts userFacts) {
        this.userFacts = userFacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        UserFacts.Found found = userFacts.read(upn).orElseThrow(() -> new BpmnError(USER_NOT_FOUND,
                "There is no active user " + upn + " in the tenant. Check the spelling; a user who was deleted "
                        + "already is in the deleted users of the admin center."));
        if (found.lastGlobalAdmin()) {
            throw new BpmnError(LAST_GLOBAL_ADMIN, found.user().displayName() + " is the tenant's only global admin. "
                    + "Make another user a global admin first, or nobody could manage the tenant any more.");
        }
        execution.setVariables(found.variables());
    }
}
