package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_AUTHENTICATION_METHODS;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeAuthenticationMethods: phones, authenticator apps, security keys and the like no longer sign the person in. */
@Component("removeAuthenticationMethodsDelegate")
public class RemoveAuthenticationMethods implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;

    public RemoveAuthenticationMethods(Directory directory, TenantChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(USER_ID);
        EachRemoved.remove(execution, changes, REMOVED_AUTHENTICATION_METHODS, "Authentication method removed",
                directory.authenticationMethods(userId), TenantNames::authenticationMethod, null,
                method -> directory.removeAuthenticationMethod(userId, method));
    }
}
