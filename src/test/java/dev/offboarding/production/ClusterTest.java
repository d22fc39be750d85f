package dev.offboarding.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL database, as Camunda clusters: both started together, a bulk of
 * offboardings started on one of them, and every job taken by whichever node is free.
 */
class ClusterTest {

    private static final int USERS = 40;
    private static final List<String> OUTCOMES = List.of("Rejected", "ConvertedToSharedMailbox", "Deleted", "Restored",
            "Cancelled");

    @TempDir
    Path backups;

    @Test
    void twoNodesCompleteABulkEachOffboardingOnceAndEachChangeOnce() throws Exception {
        String database = SharedPostgres.newDatabase();
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() ->
                Nodes.inThisJvm(Nodes.settings(database, backups, "node-1", 0, USERS)));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() ->
                Nodes.inThisJvm(Nodes.settings(database, backups, "node-2", 0, USERS)));
        try (ConfigurableApplicationContext node1 = first.get(); ConfigurableApplicationContext node2 = second.get()) {
            Http http1 = new Http(Nodes.port(node1));
            Http http2 = new Http(Nodes.port(node2));
            List<String> ids = Nodes.startBulk(http1, Nodes.bulkCsv(1, USERS / 2));
            ids.addAll(Nodes.startBulk(http2, Nodes.bulkCsv(USERS / 2 + 1, USERS)));
            assertThat(ids).hasSize(USERS);

            Nodes.awaitEnded(http1, ids);

            for (String id : ids) {
                JsonNode view = Nodes.view(http2, id);
                List<String> ends = view.findValues("activityId").stream().map(JsonNode::asText)
                        .filter(OUTCOMES::contains).toList();
                assertThat(ends).as("outcome end events of %s", view.path("userPrincipalName").asText()).hasSize(1);
                assertThat(view.path("outcome").asText()).isIn("ConvertedToSharedMailbox", "Deleted");
            }

            HistoryService history = node1.getBean(HistoryService.class);
            Map<String, Long> jobsByNode = history.createHistoricJobLogQuery().successLog().list().stream()
                    .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
            assertThat(jobsByNode).containsOnlyKeys("node-1", "node-2");
            assertThat(jobsByNode.values()).allMatch(count -> count > 0);

            JsonNode mutations = http1.get("/api/sandbox/mutations", "admin").json();
            Map<String, Long> perUserAndOperation = new HashMap<>();
            mutations.forEach(m -> perUserAndOperation.merge(m.get("target").asText() + " " + m.get("operation").asText()
                    + " " + m.path("detail").asText(""), 1L, Long::sum));
            perUserAndOperation.forEach((change, count) -> {
                if (change.startsWith("bulk")) {
                    assertThat(count).as(change).isEqualTo(1);
                }
            });
            assertThat(perUserAndOperation.keySet().stream().filter(k -> k.contains(" deleteUser")).count())
                    .isEqualTo(USERS / 2);
            assertThat(perUserAndOperation.keySet().stream().filter(k -> k.contains(" convertToSharedMailbox")).count())
                    .isEqualTo(USERS / 2);
        }
    }
}
