package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_AUTHENTICATION_METHODS;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.Directory;
import java.util.ArrayList;
import java.util.List;
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
        List<String> removed = new ArrayList<>();
        for (AuthenticationMethod method : directory.authenticationMethods(userId)) {
            directory.removeAuthenticationMethod(userId, method);
            changes.record(execution, "Authentication method removed: " + TenantNames.authenticationMethod(method));
            removed.add(TenantNames.authenticationMethod(method));
        }
        VariableValues.recordList(execution, REMOVED_AUTHENTICATION_METHODS, removed, ", ");
    }
}
