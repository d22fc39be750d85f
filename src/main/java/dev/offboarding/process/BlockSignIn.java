package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.SIGN_IN_BLOCKED;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** blockSignIn: the account is disabled and its sign-in sessions revoked. */
@Component("blockSignInDelegate")
public class BlockSignIn implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;

    public BlockSignIn(Directory directory, TenantChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        directory.blockSignIn((String) execution.getVariable(USER_ID));
        changes.record(execution, "Sign-in blocked and sessions revoked");
        execution.setVariable(SIGN_IN_BLOCKED, true);
    }
}
