package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.RESTORED_AT;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.Directory;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** restoreUser: the deleted user comes back, with mailbox and OneDrive, still blocked from signing in. */
@Component("restoreUserDelegate")
public class RestoreUser implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;
    private final Clock clock;

    public RestoreUser(Directory directory, TenantChanges changes, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        directory.restoreUser((String) execution.getVariable(USER_ID));
        changes.record(execution, "Account restored");
        execution.setVariable(RESTORED_AT, Date.from(clock.instant()));
    }
}
