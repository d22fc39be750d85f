package dev.offboarding.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A tenant that throttles, fails, hangs and is slow: every offboarding still completes; an incident appears only
 * when a step's retries run out, says what to do, and setting its retries through the REST API finishes it.
 */
class FaultsTest {

    private static final int USERS = 24;

    @TempDir
    Path backups;

    @Test
    void offboardingsCompleteThroughThrottlingErrorsAndTimeouts() {
        List<String> settings = Nodes.settings(SharedPostgres.newDatabase(), backups, "node-faults", 0, USERS + 1);
        // Three attempts per call: transient faults are absorbed, a step that keeps failing gives up sooner.
        settings.add("--offboarding.sandbox.max-attempts=3");
        // A step makes up to a dozen calls, each failing a third of the time here: with three attempts a call, a step
        // still fails now and then, and its job needs more retries than elsewhere for the bulk to end without incidents.
        settings.replaceAll(setting -> setting.startsWith("--offboarding.retry-cycle=")
                ? "--offboarding.retry-cycle=PT1S,PT1S,PT2S,PT2S,PT3S,PT3S,PT3S" : setting);
        try (ConfigurableApplicationContext node = Nodes.inThisJvm(settings)) {
            Http http = new Http(Nodes.port(node));
            JsonNode faults = put(http, Map.of("throttledShare", 0.2, "retryAfter", "PT0.1S", "serverErrorShare", 0.1,
                    "timeoutShare", 0.05, "timeout", "PT0.2S", "latency", "PT0.01S"));
            assertThat(faults.get("throttledShare").asDouble()).isEqualTo(0.2);

            List<String> ids = Nodes.startBulk(http, Nodes.bulkCsv(1, USERS));
            Nodes.awaitEnded(http, ids);
            RuntimeService runtime = node.getBean(RuntimeService.class);
            assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
            ids.forEach(id -> assertThat(Nodes.view(http, id).path("outcome").asText())
                    .isIn("ConvertedToSharedMailbox", "Deleted"));
            String metrics = http.get("/actuator/prometheus", null).body();
            assertThat(metrics).contains("offboarding_tenant_calls_seconds_count{operation=\"removeLicenses\",outcome=\"429\"")
                    .contains("outcome=\"503\"").contains("outcome=\"timeout\"")
                    .contains("offboarding_tenant_throttling_waits_seconds_count")
                    .contains("offboarding_completed_total{outcome=\"Deleted\"}");

            // A step that keeps failing: retried, then an incident an admin can act on.
            put(http, Map.of("failingOperations", List.of("removeLicenses")));
            String stuck = Nodes.startBulk(http, "userPrincipalName,mailboxAction\n" + String.format("bulk%05d@contoso.com",
                    USERS + 1) + ",DELETE\n").get(0);
            Incident incident = await().atMost(Nodes.patience()).pollInterval(Duration.ofSeconds(1))
                    .until(() -> runtime.createIncidentQuery().processInstanceId(stuck).singleResult(), i -> i != null);
            assertThat(incident.getActivityId()).isEqualTo("removeLicenses");
            assertThat(incident.getIncidentMessage()).contains("answered 503 Service Unavailable to 'removeLicenses'")
                    .contains("the step is retried later");
            JsonNode view = Nodes.view(http, stuck);
            assertThat(view.path("state").asText()).isEqualTo("INCIDENT");
            assertThat(view.path("currentWait").path("lastError").asText()).contains("removeLicenses");
            assertThat(http.get("/actuator/prometheus", null).body()).contains("offboarding_incidents_open 1.0")
                    .contains("offboarding_failed_total{step=\"removeLicenses\"}");

            put(http, Map.of());
            Http.Response retried = http.send("PUT", "/engine-rest/job/" + incident.getConfiguration() + "/retries", "admin",
                    "application/json", "{\"retries\": 1}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(204);
            await().atMost(Nodes.patience()).pollInterval(Duration.ofSeconds(1)).until(() -> Nodes.ended(http, stuck));
            assertThat(Nodes.view(http, stuck).path("outcome").asText()).isEqualTo("Deleted");
            assertThat(runtime.createIncidentQuery().count()).isZero();
        }
    }

    private static JsonNode put(Http http, Map<String, Object> faults) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("throttledShare", 0, "retryAfter", "PT1S",
                "serverErrorShare", 0, "timeoutShare", 0, "timeout", "PT2S", "latency", "PT0S", "callsPerSecond", 0,
                "failingOperations", List.of()));
        all.putAll(faults);
        try {
            Http.Response response = http.send("PUT", "/api/sandbox/faults", "admin", "application/json",
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(all));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
