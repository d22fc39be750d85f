package dev.offboarding.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.backup.MailboxBackupStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node running as its own JVM is killed with SIGKILL in the middle of a bulk run and started again: every
 * offboarding completes, none is lost, no change to the tenant happens twice, and every mailbox backup verifies.
 */
class CrashTest {

    private static final int USERS = 30;

    @TempDir
    Path directory;

    @Test
    void aNodeKilledMidBulkLosesNothingAndRepeatsNothing() throws Exception {
        String database = SharedPostgres.newDatabase();
        Path backups = directory.resolve("backups");
        int port = Nodes.freePort();
        List<String> settings = Nodes.settings(database, backups, "crashing-node", port, USERS);
        // Slow steps, so the kill lands in the middle of the run.
        settings.add("--offboarding.sandbox.faults.latency=PT0.1S");
        Http http = new Http(port);

        Process first = Nodes.ownJvm(settings, directory.resolve("first.log"));
        List<String> ids;
        long doneAtKill;
        try {
            awaitUp(http, first, directory.resolve("first.log"));
            ids = Nodes.startBulk(http, Nodes.bulkCsv(1, USERS));
            await().atMost(Nodes.patience()).pollInterval(Duration.ofMillis(200))
                    .until(() -> backedUp(http, ids) >= 5);
            doneAtKill = ids.stream().filter(id -> Nodes.ended(http, id)).count();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, jobs left locked, transactions cut off
            first.waitFor();
        }

        Process second = Nodes.ownJvm(settings, directory.resolve("second.log"));
        try {
            awaitUp(http, second, directory.resolve("second.log"));
            Nodes.awaitEnded(http, ids);

            assertThat(doneAtKill).as("offboardings done when the node was killed").isLessThan(USERS);
            MailboxBackupStore backupStore = new MailboxBackupStore(backups, Clock.systemUTC());
            for (String id : ids) {
                JsonNode view = Nodes.view(http, id);
                assertThat(view.path("outcome").asText()).isIn("ConvertedToSharedMailbox", "Deleted");
                Path backup = Path.of(view.path("backup").path("location").asText());
                assertThat(backupStore.verify(backup).messageCount()).isEqualTo(3);
            }
            Map<String, Long> changes = new HashMap<>();
            http.get("/api/sandbox/mutations", "admin").json().forEach(m -> changes.merge(m.get("target").asText() + " "
                    + m.get("operation").asText() + " " + m.path("detail").asText(""), 1L, Long::sum));
            List<String> twice = new ArrayList<>();
            changes.forEach((change, count) -> {
                if (change.startsWith("bulk") && count > 1) {
                    twice.add(change + " x" + count);
                }
            });
            assertThat(twice).as("changes made twice").isEmpty();
            assertThat(changes.keySet().stream().filter(c -> c.contains(" deleteUser ")).count()).isEqualTo(USERS / 2);
        } finally {
            second.destroyForcibly();
            second.waitFor();
        }
    }

    private static long backedUp(Http http, List<String> ids) {
        return ids.stream().filter(id -> !Nodes.view(http, id).path("backup").isMissingNode()).count();
    }

    private static void awaitUp(Http http, Process node, Path log) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!node.isAlive()) {
                throw new AssertionError("The node stopped: " + Files.readString(log));
            }
            try {
                return http.get("/actuator/health", null).status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }
}
