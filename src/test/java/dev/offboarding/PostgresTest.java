package dev.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile on a real PostgreSQL server (binaries brought by Maven): the schema migrations, the engine
 * and one offboarding from start to shared mailbox, as docs/database.md describes running it.
 */
class PostgresTest {

    @TempDir
    Path directory;

    @Test
    void offboardsAUserOnPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(OffboardingApplication.class)
                     .profiles("postgres")
                     .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres",
                             "--server.port=0",
                             "--offboarding.backup.directory=" + directory,
                             // The first admin, as docs/database.md creates it.
                             "--camunda.bpm.admin-user.id=pgadmin",
                             "--camunda.bpm.admin-user.password=pgadmin",
                             "--logging.level.root=WARN")) {
            Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            assertThat(http.get("/api/offboardings", "useradmin").status())
                    .as("no demo logins outside the demo configuration").isEqualTo(401);

            assertThat(http.get("/api/offboardings", "pgadmin").status())
                    .as("a Camunda admin is not yet an offboarding admin").isEqualTo(403);
            // What docs/database.md does in Camunda Admin, through Camunda's REST API.
            assertThat(http.put("/engine-rest/group/global-admins/members/pgadmin", "pgadmin").status()).isEqualTo(204);

            Http.Response created = http.postJson("/api/offboardings", "pgadmin", Map.of(
                    "userPrincipalName", "adele.vance@contoso.com",
                    "decisions", Map.of("mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", "diego.siciliani@contoso.com")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            JsonNode ended = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/api/offboardings/" + id, "pgadmin").json(),
                            view -> "ENDED".equals(view.get("state").asText()));
            assertThat(ended.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
            assertThat(ended.get("backup").get("messageCount").asLong()).isEqualTo(24);
            JsonNode adele = http.get("/api/sandbox/users/adele.vance@contoso.com", "pgadmin").json();
            assertThat(adele.get("mailbox").get("type").asText()).isEqualTo("SharedMailbox");

            // The steps recorded their changes in PostgreSQL; the job executor wrote the report next to the backup.
            JsonNode report = http.get("/api/offboardings/" + id + "/report", "pgadmin").json();
            assertThat(report.get("tenantChanges").findValuesAsText("change")).startsWith(
                    "Sign-in blocked and sessions revoked", "Mailbox converted to a shared mailbox",
                    "Full Access for diego.siciliani@contoso.com");
            Path copy = Path.of(ended.get("backup").get("location").asText()).resolve("report.json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(copy));
            assertThat(Files.readString(copy)).contains("\"outcome\" : \"ConvertedToSharedMailbox\"");
        }
    }
}
