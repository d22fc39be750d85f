package dev.offboarding.process;

import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE_ID;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.DIEGO;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.EXCHANGE_TOKEN;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.GRAPH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.tenant.graph.FakeMicrosoft365;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it runs in production, started with {@code offboarding.tenant.mode=graph} and pointed at a
 * stand-in for Microsoft 365 that answers as Microsoft documents: an HR system starts offboardings through
 * {@code /api/offboardings}, the job executor runs every step, the restore window's timer fires by itself. Asserts
 * every request that reached "Microsoft", in order, token requests included.
 *
 * <p>Each test gets an application of its own, so each starts with no token cached and an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        // Look for due jobs often: the restore window's timer is due seconds after it is created.
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "offboarding.tenant.mode=graph",
        "offboarding.restore-window=PT3S",
        "offboarding.retry-cycle=PT1S",
        "offboarding.graph.shared-mailbox-poll-interval=PT0.2S",
        "offboarding.backup.directory=target/test-backups/${random.uuid}"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class GraphModeApplicationTest {

    private static final String OFFBOARDINGS = "/api/offboardings";
    /** Steps run on the job executor, on a machine that may be busy with other builds. */
    private static final Duration STEPS = Duration.ofSeconds(90);
    private static final FakeMicrosoft365 MICROSOFT = new FakeMicrosoft365();

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        MICROSOFT.configure(registry);
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void freshTenant() {
        MICROSOFT.reset();
        http = new Http(port);
    }

    @AfterAll
    static void stop() {
        MICROSOFT.close();
    }

    @Test
    void thePreviewOnlyReadsTheTenant() {
        MICROSOFT.leaverChecklist();
        Http.Response preview = http.postJson(OFFBOARDINGS + "/preview", "useradmin", Map.of("userPrincipalName", ADELE,
                "template", "keep-mail", "decisions", Map.of("mailboxDelegate", DIEGO)));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("\"route\":\"CONVERT\"").contains("Retail managers: removed");

        List<String> requests = MICROSOFT.requests();
        assertThat(requests).isNotEmpty().allSatisfy(request -> assertThat(request)
                .as("only reads: GET, or an Exchange cmdlet that gets").matches("GET .*|POST InvokeCommand Get-.*"));
        assertThat(MICROSOFT.requestsWithTokens()).filteredOn(request -> !requests.contains(request))
                .allSatisfy(token -> assertThat(token).startsWith(FakeMicrosoft365.TOKEN_REQUEST));
    }

    @Test
    void anHrSystemDeletesAUserAndTheDeletionIsConfirmedWhenTheRestoreWindowEnds() {
        Http.Response created = http.postJson(OFFBOARDINGS, "admin", Map.of("userPrincipalName", ADELE,
                "reason", "Leaves the company", "ticketReference", "HR-4711",
                "decisions", Map.of("mailboxAction", "DELETE", "oneDriveOwner", DIEGO)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode ended = awaitEnd(id);

        assertThat(ended.get("outcome").asText()).as(ended.toString()).isEqualTo("Deleted");
        assertThat(ended.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(ended.get("backup").get("messageCount").asLong()).isEqualTo(4);
        assertThat(ended.get("steps").findValuesAsText("activityId")).containsSubsequence("lookUpUser", "blockSignIn",
                "backUpMailbox", "grantOneDriveAccess", "removeLicenses", "deleteUser", "confirmPermanentDeletion",
                "Deleted").contains("restoreWindowExpired", "sendOneDriveReminder");

        List<String> expected = new ArrayList<>(GraphModeRequests.concat(
                GraphModeRequests.startChecks(ADELE, DIEGO), GraphModeRequests.deletePath()));
        withTokensOnFirstUse(expected);
        assertThat(MICROSOFT.requestsWithTokens()).containsExactlyElementsOf(expected);

        // Nothing of the sandbox behind the engine's own faces: Tasklist is served, /engine-rest knows the instance.
        assertThat(http.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
        Http.Response history = http.get("/engine-rest/history/process-instance/" + id, "admin");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(history.json().get("businessKey").asText()).isEqualTo(ADELE);
    }

    @Test
    void anHrSystemKeepsTheMailAsASharedMailboxAndTheLicensesGoOnceExchangeReportsIt() {
        Http.Response created = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", ADELE,
                "decisions", Map.of("mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", DIEGO,
                        "sharedMailboxDisplayName", "Adele Vance (former employee)",
                        "autoReplyInternal", "Adele has left.", "autoReplyExternal", "Adele no longer works here.")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode ended = awaitEnd(id);

        assertThat(ended.get("outcome").asText()).as(ended.toString()).isEqualTo("ConvertedToSharedMailbox");
        assertThat(ended.get("decidedBy").asText()).isEqualTo("useradmin");
        assertThat(ended.get("steps").findValuesAsText("activityId")).containsSubsequence("lookUpUser", "blockSignIn",
                "backUpMailbox", "convertToSharedMailbox", "grantMailboxAccess", "renameMailbox", "setAutoReplies",
                "removeAliases", "removeLicenses", "ConvertedToSharedMailbox").doesNotContain("deleteUser");

        List<String> expected = new ArrayList<>(GraphModeRequests.concat(
                GraphModeRequests.startChecks(ADELE, DIEGO), GraphModeRequests.convertPath()));
        withTokensOnFirstUse(expected);
        List<String> requests = MICROSOFT.requestsWithTokens();
        assertThat(requests).containsExactlyElementsOf(expected);
        // The licenses went only after Exchange reported the shared mailbox: Get-Mailbox of lookUpUser, of the
        // conversion before Set-Mailbox and while polling after it, then of removeAliases; then assignLicense.
        assertThat(MICROSOFT.mailboxTypesReported()).containsExactly("UserMailbox", "UserMailbox", "UserMailbox",
                "SharedMailbox", "SharedMailbox");
        assertThat(requests.indexOf("POST /users/" + ADELE_ID + "/assignLicense"))
                .isGreaterThan(requests.lastIndexOf("POST InvokeCommand Get-Mailbox"));
        assertThat(requests).doesNotContain("DELETE /users/" + ADELE_ID);
    }

    @Test
    void anAdminDecidesInTasklistWithTheDryRunReadFromMicrosoft365() {
        MICROSOFT.leaverChecklist();
        Http.Response created = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", ADELE,
                "reason", "Leaves the company"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        // As Tasklist does it: the user admin's task list, the form's variables, then submitting the form.
        String task = await().atMost(STEPS).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/engine-rest/task?processInstanceId=" + id + "&taskDefinitionKey=decideOffboarding",
                        "useradmin").json(), tasks -> tasks.size() == 1)
                .get(0).get("id").asText();
        JsonNode form = http.get("/engine-rest/task/" + task + "/form-variables", "useradmin").json();
        assertThat(form.path("displayName").path("value").asText()).isEqualTo("Adele Vance");
        assertThat(form.path("previewSummary").path("value").asText()).as(form.toString())
                .contains("Retail managers", "Retail newsletter", "Visio users");
        assertThat(MICROSOFT.requests()).as("nothing changed in the tenant before the decision").isNotEmpty()
                .allSatisfy(request -> assertThat(request).matches("GET .*|POST InvokeCommand Get-.*"));

        Http.Response submitted = http.post("/engine-rest/task/" + task + "/submit-form", "useradmin", "application/json", """
                {"variables": {"mailboxAction": {"value": "DELETE"}, "oneDriveOwner": {"value": "%s"},
                               "removeFromGroups": {"value": true}}}""".formatted(DIEGO));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

        JsonNode ended = awaitEnd(id);
        assertThat(ended.get("outcome").asText()).as(ended.toString()).isEqualTo("Deleted");
        assertThat(ended.get("decidedBy").asText()).isEqualTo("useradmin");
        assertThat(ended.get("steps").findValuesAsText("activityId")).containsSubsequence("lookUpUser",
                "decideOffboarding", "blockSignIn", "backUpMailbox", "removeFromGroups", "removeLicenses", "deleteUser",
                "Deleted");
        assertThat(MICROSOFT.requests()).containsSubsequence(GraphModeRequests.removeFromGroups())
                .contains("DELETE /users/" + ADELE_ID);
    }

    /** GET /api/offboardings/{id} as the HR system polls it, until the offboarding has ended. */
    private JsonNode awaitEnd(String id) {
        return await().atMost(STEPS).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get(OFFBOARDINGS + "/" + id, "admin").json(),
                        view -> "ENDED".equals(view.path("state").asText()) || "INCIDENT".equals(view.path("state").asText()));
    }

    /**
     * The app asks Entra ID for each token once, just before its first use, and keeps it for the hour it is valid:
     * Graph's before the checks of POST /api/offboardings, Exchange's before lookUpUser's Get-Mailbox.
     */
    private static void withTokensOnFirstUse(List<String> expected) {
        expected.add(0, GRAPH_TOKEN);
        expected.add(expected.indexOf("POST InvokeCommand Get-Mailbox"), EXCHANGE_TOKEN);
    }
}
