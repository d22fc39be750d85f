package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** resetPassword: a random password nobody knows, so that no one who knew the old one signs in when sign-in is back. */
@Component("resetPasswordDelegate")
public class ResetPassword implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;

    public ResetPassword(Directory directory, TenantChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        directory.resetPassword((String) execution.getVariable(USER_ID));
        changes.record(execution, "Password reset to a random one nobody knows; it must be changed at the next sign-in");
    }
}
