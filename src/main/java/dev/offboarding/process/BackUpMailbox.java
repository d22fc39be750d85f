package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.BACKUP_LOCATION;
import static dev.offboarding.process.OffboardingVariables.BACKUP_MANIFEST_SHA256;
import static dev.offboarding.process.OffboardingVariables.BACKUP_MESSAGE_COUNT;
import static dev.offboarding.process.OffboardingVariables.BACKUP_VERIFIED_AT;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.backup.MailboxBackupStore;
import dev.offboarding.backup.VerifiedBackup;
import dev.offboarding.tenant.Mailboxes;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * backUpMailbox: every message to disk, then read back and checked. A backup that does not verify throws, so the
 * step is retried and ends in an incident; nothing destructive runs before it succeeds.
 */
@Component("backUpMailboxDelegate")
public class BackUpMailbox implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final MailboxBackupStore backups;
    private final Clock clock;

    public BackUpMailbox(Mailboxes mailboxes, MailboxBackupStore backups, Clock clock) {
        this.mailboxes = mailboxes;
        this.backups = backups;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        // One backup per offboarding: a retry resumes the same folder instead of starting another.
        VerifiedBackup backup = backups.backUp(upn, execution.getProcessInstanceId(), mailboxes);
        execution.setVariable(BACKUP_LOCATION, backup.location().toString());
        execution.setVariable(BACKUP_MESSAGE_COUNT, backup.messageCount());
        execution.setVariable(BACKUP_MANIFEST_SHA256, backup.manifestSha256());
        execution.setVariable(BACKUP_VERIFIED_AT, Date.from(clock.instant()));
    }
}
