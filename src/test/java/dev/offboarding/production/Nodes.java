package dev.offboarding.production;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.OffboardingApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Application nodes on one shared PostgreSQL database, in this JVM or as JVMs of their own. */
final class Nodes {

    private Nodes() {
    }

    /**
     * The settings of a node of the cluster: the shared database and backup folder, bulk users in the sandbox,
     * short retries, a short restore window, and jobs of a dead node taken over after a few seconds.
     */
    static List<String> settings(String database, Path backups, String hostname, int port, int generatedUsers) {
        return new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--server.port=" + port,
                "--offboarding.backup.directory=" + backups,
                "--offboarding.sandbox.generated-users=" + generatedUsers,
                // The postgres profile has no demo logins; these nodes bring one admin for the tests.
                "--offboarding.demo.users[0].id=admin",
                "--offboarding.demo.users[0].password=admin",
                "--offboarding.demo.users[0].first-name=Ada",
                "--offboarding.demo.users[0].last-name=Admin",
                "--offboarding.demo.users[0].groups[0]=camunda-admin",
                "--offboarding.demo.users[0].groups[1]=global-admins",
                "--offboarding.restore-window=PT10S",
                "--offboarding.retry-cycle=PT1S,PT2S,PT3S",
                "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
                "--camunda.bpm.job-execution.lock-time-in-millis=8000",
                "--camunda.bpm.job-execution.core-pool-size=4",
                "--camunda.bpm.job-execution.max-pool-size=4",
                "--spring.datasource.hikari.maximum-pool-size=16",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.context=OFF",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=OFF"));
    }

    static ConfigurableApplicationContext inThisJvm(List<String> settings) {
        return new SpringApplicationBuilder(OffboardingApplication.class).run(settings.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** A node as a JVM of its own, on the test's class path, killable with SIGKILL. */
    static Process ownJvm(List<String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), OffboardingApplication.class.getName()));
        command.addAll(settings);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** bulk00001@contoso.com ... as CSV rows; odd rows keep the mail as a shared mailbox, even rows delete. */
    static String bulkCsv(int from, int to) {
        return "userPrincipalName,reason,mailboxAction,mailboxDelegate,oneDriveOwner\n" + IntStream.rangeClosed(from, to)
                .mapToObj(n -> String.format("bulk%05d@contoso.com,Division closed,%s,%s,diego.siciliani@contoso.com", n,
                        n % 2 == 1 ? "CONVERT_TO_SHARED" : "DELETE", n % 2 == 1 ? "diego.siciliani@contoso.com" : ""))
                .collect(Collectors.joining("\n")) + "\n";
    }

    static List<String> startBulk(Http http, String csv) {
        Http.Response response = http.post("/api/offboardings/bulk", "admin", "text/csv", csv);
        if (response.status() != 200 || response.json().get("failed").asInt() != 0) {
            throw new AssertionError("Bulk start failed: " + response.body());
        }
        List<String> ids = new ArrayList<>();
        response.json().get("results").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    static JsonNode view(Http http, String id) {
        return http.get("/api/offboardings/" + id, "admin").json();
    }

    static boolean ended(Http http, String id) {
        return "ENDED".equals(view(http, id).path("state").asText());
    }

    /** Waits until every offboarding ended; if some do not, the failure says where each of them stands. */
    static void awaitEnded(Http http, List<String> ids) {
        try {
            org.awaitility.Awaitility.await().atMost(patience()).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ids.stream().allMatch(id -> ended(http, id)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder unfinished = new StringBuilder();
            ids.stream().map(id -> view(http, id)).filter(view -> !"ENDED".equals(view.path("state").asText()))
                    .forEach(view -> unfinished.append("\n").append(view));
            throw new AssertionError("Not ended within " + patience() + ":" + unfinished, e);
        }
    }

    static Duration patience() {
        return Duration.ofMinutes(4);
    }
}
