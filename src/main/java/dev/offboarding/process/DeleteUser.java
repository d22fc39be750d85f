package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.DELETED_AT;
import static dev.offboarding.process.OffboardingVariables.RESTORE_WINDOW;
import static dev.offboarding.process.OffboardingVariables.RESTORE_WINDOW_ENDS_AT;
import static dev.offboarding.process.OffboardingVariables.USER_ID;

import dev.offboarding.tenant.DeletedUser;
import dev.offboarding.tenant.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** deleteUser: the account goes to deleted items, where it can be restored during the restore window. */
@Component("deleteUserDelegate")
public class DeleteUser implements JavaDelegate {

    private final Directory directory;
    private final TenantChanges changes;
    private final Clock clock;

    public DeleteUser(Directory directory, TenantChanges changes, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(USER_ID);
        directory.deleteUser(userId);
        Instant deletedAt = directory.findDeletedUser(userId).map(DeletedUser::deletedAt).orElseGet(clock::instant);
        Instant windowEnd = deletedAt.plus(Duration.parse((String) execution.getVariable(RESTORE_WINDOW)));
        changes.record(execution, "Account deleted", "restorable until " + Dates.readable(windowEnd));
        execution.setVariable(DELETED_AT, Date.from(deletedAt));
        execution.setVariable(RESTORE_WINDOW_ENDS_AT, Date.from(windowEnd));
    }
}
