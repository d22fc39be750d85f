package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.PERMANENTLY_DELETED_AT;
import static dev.offboarding.process.OffboardingVariables.USER_ID;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.TenantException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * confirmPermanentDeletion: after the restore window the user must be gone from deleted items. Microsoft 365 removes
 * it on its own after 30 days; if it is still there, it is removed for good now, so the outcome is certain.
 */
@Component("confirmPermanentDeletionDelegate")
public class ConfirmPermanentDeletion implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;
    private final Clock clock;

    public ConfirmPermanentDeletion(Directory directory, TenantChanges changes, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(USER_ID);
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        if (directory.findDeletedUser(userId).isPresent()) {
            directory.permanentlyDeleteUser(userId);
            changes.record(execution, "Account deleted for good");
        } else if (directory.findUser(upn).filter(user -> user.id().equals(userId)).isPresent()) {
            throw new TenantException(upn + " was restored outside this offboarding, so it is not deleted. Ask who "
                    + "restored it; to keep the user, delete this process instance in Cockpit.");
        } else {
            changes.record(execution, "Account deleted for good",
                    "Microsoft 365 had already removed it from deleted items");
        }
        execution.setVariable(PERMANENTLY_DELETED_AT, Date.from(clock.instant()));
    }
}
