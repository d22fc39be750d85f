package dev.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its state in an H2 file: an offboarding waiting in the 30-day restore window survives a
 * restart of the application, and the user can still be restored afterwards.
 */
class RestartTest {

    @TempDir
    Path directory;

    @Test
    void aUserWaitingInTheRestoreWindowCanBeRestoredAfterARestart() {
        String[] settings = {
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("offboarding") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0",
                "--offboarding.backup.directory=" + directory.resolve("mailbox-backups"),
                "--offboarding.retry-cycle=PT1S",
                "--logging.level.root=WARN"};
        String id;
        String windowEnd;
        try (ConfigurableApplicationContext first = start(settings)) {
            Http http = http(first);
            Http.Response created = http.postJson("/api/offboardings", "useradmin", Map.of(
                    "userPrincipalName", "lynne.robbins@contoso.com", "decisions", Map.of("mailboxAction", "DELETE")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asText();
            JsonNode waiting = awaitState(http, id, "IN_RESTORE_WINDOW");
            windowEnd = waiting.get("currentWait").get("dueAt").asText();
            assertThat(user(http).get("deletedAt").isNull()).isFalse();
        }

        try (ConfigurableApplicationContext second = start(settings)) {
            Http http = http(second);
            JsonNode waiting = http.get("/api/offboardings/" + id, "useradmin").json();
            assertThat(waiting.get("state").asText()).isEqualTo("IN_RESTORE_WINDOW");
            assertThat(waiting.get("currentWait").get("dueAt").asText()).isEqualTo(windowEnd);

            assertThat(http.postJson("/api/offboardings/" + id + "/restore", "useradmin", "").status()).isEqualTo(200);
            JsonNode ended = awaitState(http, id, "ENDED");
            assertThat(ended.get("outcome").asText()).isEqualTo("Restored");
            assertThat(user(http).get("deletedAt").isNull()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String[] settings) {
        return new SpringApplicationBuilder(OffboardingApplication.class).run(settings);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static JsonNode user(Http http) {
        return http.get("/api/sandbox/users/lynne.robbins@contoso.com", "useradmin").json();
    }

    private static JsonNode awaitState(Http http, String id, String state) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/offboardings/" + id, "useradmin").json(),
                        view -> state.equals(view.get("state").asText()));
    }
}
