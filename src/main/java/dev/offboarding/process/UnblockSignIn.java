package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.SIGN_IN_BLOCKED;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** unblockSignIn: a cancelled offboarding gives the account back its sign-in. */
@Component("unblockSignInDelegate")
public class UnblockSignIn implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;

    public UnblockSignIn(Directory directory, TenantChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        directory.unblockSignIn((String) execution.getVariable(USER_ID));
        changes.record(execution, "Sign-in unblocked");
        execution.setVariable(SIGN_IN_BLOCKED, false);
    }
}
