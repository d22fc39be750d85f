package dev.offboarding.report;

import static dev.offboarding.process.OffboardingVariables.BACKUP_LOCATION;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.backup.MailboxBackupStore;
import dev.offboarding.process.OffboardingEnded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an offboarding ends, writes its audit report ({@code report.json} and {@code report.html}) next to the
 * mailbox backup, so that it outlives the engine's history clean-up. For a user without a backup, in the folder the
 * backup would have had: {@code offboarding.backup.directory/<upn>/<processInstanceId>/}.
 *
 * <p>Written after the transaction that ends the offboarding has committed, from the history it wrote. A report that
 * cannot be written is logged as an error; the offboarding has ended all the same.
 */
@Component
public class ReportCopies implements OffboardingEnded {

    static final String JSON_FILE = "report.json";
    static final String HTML_FILE = "report.html";

    private static final Logger log = LoggerFactory.getLogger(ReportCopies.class);

    private final OffboardingReports reports;
    private final MailboxBackupStore backups;
    private final ObjectMapper json;
    private final TransactionTemplate readAfterCommit;

    public ReportCopies(OffboardingReports reports, MailboxBackupStore backups, ObjectMapper json,
                        PlatformTransactionManager transactionManager) {
        this.reports = reports;
        this.backups = backups;
        this.json = json;
        // The ending transaction's connection is still bound while afterCommit runs: read in a transaction of its own.
        this.readAfterCommit = new TransactionTemplate(transactionManager);
        this.readAfterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readAfterCommit.setReadOnly(true);
    }

    @Override
    public void ended(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        Path directory = directoryFor(execution);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            log.warn("Offboarding {} ended outside a Spring transaction: its report is written now, before the end "
                    + "is committed, and may miss the last steps.", id);
            write(id, directory);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                write(id, directory);
            }
        });
    }

    /** The backup's folder when there is a backup there; else the folder it would have had. */
    private Path directoryFor(DelegateExecution execution) {
        Object location = execution.getVariable(BACKUP_LOCATION);
        if (location != null && !location.toString().isBlank() && backups.isBackup(Path.of(location.toString()))) {
            return Path.of(location.toString());
        }
        Object userPrincipalName = execution.getVariable(USER_PRINCIPAL_NAME);
        return backups.locationOf(userPrincipalName == null ? "unknown-user" : userPrincipalName.toString(),
                execution.getProcessInstanceId());
    }

    /** Writes both files; never throws, so nothing after the commit fails because of the report. */
    void write(String id, Path directory) {
        try {
            OffboardingReport report = readAfterCommit.execute(status -> reports.find(id)).orElseThrow(() ->
                    new IllegalStateException("the engine has no history of it"));
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(JSON_FILE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
            writeAtomically(directory.resolve(HTML_FILE), ReportPage.html(report).getBytes(StandardCharsets.UTF_8));
            log.info("Offboarding {} ended ({}); its report is in {}", id,
                    report.outcome() != null ? report.outcome() : "without outcome: " + report.endReason(), directory);
        } catch (IOException | RuntimeException e) {
            log.error("The audit report of offboarding {} was NOT written to {}: {}. The offboarding itself has ended "
                    + "and is not affected. Fix the cause (disk space, permissions of offboarding.backup.directory), "
                    + "then save GET /api/offboardings/{}/report and /report?format=html there before the engine's "
                    + "history of it is cleaned up.", id, directory, e.getMessage(), id, e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.write(partial, content);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
