package dev.offboarding.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import dev.offboarding.backup.MailboxBackupStore;
import dev.offboarding.process.ProcessTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/offboardings/{id}/report as JSON and as a page, and the copy written next to the backup when the
 * offboarding ends: who asked, who decided what, every step with its times and failures, what changed in the tenant,
 * the backup and the outcome.
 */
@OffboardingSpringTest
@ExtendWith(OutputCaptureExtension.class)
class OffboardingReportTest extends ProcessTestSupport {

    private static final String OFFBOARDINGS = "/api/offboardings";
    private static final String DIEGO = "diego.siciliani@contoso.com";

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    MailboxBackupStore backups;

    Http http;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void reportOfAConvertedOffboardingWhoseStepFailedOnce() throws IOException {
        ProcessInstance instance = start("adele.vance", "Leaves the company", "HR-4711", Map.of(
                "mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", DIEGO,
                "sharedMailboxDisplayName", "Adele Vance (former employee)",
                "autoReplyInternal", "Adele has left.", "autoReplyExternal", "Adele no longer works here.",
                "oneDriveOwner", DIEGO, "reduceLicenseCount", false));
        // The delegate leaves meanwhile: granting Full Access fails once, then succeeds when the step is retried.
        runtimeService.setVariable(instance.getId(), "mailboxDelegate", "gone@contoso.com");
        runJobs(instance);
        assertThat(failures).hasSize(1);
        runtimeService.setVariable(instance.getId(), "mailboxDelegate", DIEGO);
        passTime(instance, Duration.ofMinutes(1));

        Http.Response response = http.get(report(instance), "billingadmin");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode report = response.json();
        assertThat(report.get("userPrincipalName").asText()).isEqualTo("adele.vance@contoso.com");
        assertThat(report.get("displayName").asText()).isEqualTo("Adele Vance");
        assertThat(report.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
        assertThat(report.get("endedAt").asText()).isNotEmpty();
        assertThat(report.has("rejectionReason")).isFalse();

        JsonNode request = report.get("request");
        assertThat(request.get("requestedBy").asText()).isEqualTo("useradmin");
        assertThat(request.get("reason").asText()).isEqualTo("Leaves the company");
        assertThat(request.get("ticketReference").asText()).isEqualTo("HR-4711");
        JsonNode decision = report.get("decision");
        assertThat(decision.get("decidedBy").asText()).isEqualTo("useradmin");
        assertThat(decision.get("decidedAt").asText()).isNotEmpty();
        assertThat(decision.get("decidedAtStart").asBoolean()).isTrue();
        assertThat(decision.get("route").asText()).isEqualTo("CONVERT");
        assertThat(json.convertValue(decision.get("decisions"), Map.class)).containsEntry("mailboxAction", "CONVERT_TO_SHARED")
                .containsEntry("mailboxDelegate", DIEGO).containsEntry("oneDriveOwner", DIEGO)
                .containsEntry("sharedMailboxDisplayName", "Adele Vance (former employee)")
                .containsEntry("autoReplyInternal", "Adele has left.").containsEntry("removeAliases", true)
                .containsEntry("removeLicenses", true).containsEntry("reduceLicenseCount", false);

        List<JsonNode> steps = list(report.get("steps"));
        assertThat(steps).extracting(step -> step.get("activityId").asText()).containsSubsequence("lookUpUser",
                "applyGuidanceRules", "blockSignIn", "backUpMailbox", "convertToSharedMailbox", "grantMailboxAccess",
                "renameMailbox", "setAutoReplies", "removeAliases", "grantOneDriveAccess", "removeLicenses",
                "ConvertedToSharedMailbox");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.get("startedAt").asText()).isNotEmpty();
            assertThat(step.get("endedAt").asText()).isNotEmpty();
            assertThat(step.get("name").asText()).isNotEmpty();
        });
        JsonNode grant = step(steps, "grantMailboxAccess");
        assertThat(grant.get("result").asText()).isEqualTo("COMPLETED_AFTER_RETRY");
        assertThat(grant.get("failedAttempts")).hasSize(1);
        assertThat(grant.get("failedAttempts").get(0).get("error").asText()).contains("gone@contoso.com");
        assertThat(Instant.parse(grant.get("failedAttempts").get(0).get("at").asText()))
                .isBefore(Instant.parse(grant.get("startedAt").asText()));
        assertThat(step(steps, "lookUpUser").get("result").asText()).isEqualTo("COMPLETED");
        assertThat(step(steps, "lookUpUser").has("failedAttempts")).isFalse();

        List<JsonNode> changes = list(report.get("tenantChanges"));
        assertThat(changes).extracting(change -> change.get("change").asText()).containsExactly(
                "Sign-in blocked and sessions revoked", "Mailbox converted to a shared mailbox",
                "Full Access for " + DIEGO, "Mailbox renamed", "Automatic replies turned on", "Aliases removed",
                "OneDrive shared with " + DIEGO, "Mail sent to " + DIEGO,
                "Removed from the group Visio users, which gave licenses", "Licenses removed");
        assertThat(changes.get(0).get("stepName").asText()).isEqualTo("Block sign-in");
        assertThat(changes.get(3).get("detail").asText()).isEqualTo("Adele Vance (former employee)");
        assertThat(changes.get(5).get("detail").asText()).contains("adele@contoso.com");
        assertThat(changes.get(9).get("detail").asText()).isEqualTo("Microsoft 365 E3, Visio Plan 2");
        assertThat(changes).allSatisfy(change -> assertThat(change.get("occurredAt").asText()).isNotEmpty());

        JsonNode backup = report.get("backup");
        Path location = Path.of(backup.get("location").asText());
        assertThat(backup.get("messageCount").asLong()).isEqualTo(24);
        assertThat(Files.readString(location.resolve("manifest.json.sha256")))
                .startsWith(backup.get("manifestSha256").asText() + "  manifest.json");

        // The copy next to the backup, written when the offboarding ended.
        JsonNode copy = json.readTree(location.resolve("report.json").toFile());
        assertThat(copy.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
        assertThat(copy.get("tenantChanges")).hasSize(changes.size());
        assertThat(copy.get("backup").get("manifestSha256").asText()).isEqualTo(backup.get("manifestSha256").asText());
        assertThat(Files.readString(location.resolve("report.html"))).contains("Converted to a shared mailbox")
                .contains("Full Access for " + DIEGO).contains(backup.get("manifestSha256").asText());
    }

    @Test
    void aStepInAnIncidentIsShownWithItsFailuresAndOnceRetriedAsResolved() {
        ProcessInstance instance = start("adele.vance", "Leaves", "", Map.of("mailboxAction", "CONVERT_TO_SHARED",
                "mailboxDelegate", DIEGO));
        runtimeService.setVariable(instance.getId(), "mailboxDelegate", "gone@contoso.com");
        for (int attempt = 0; attempt < 7; attempt++) {
            passTime(instance, Duration.ofHours(2));
        }
        JsonNode failing = step(list(http.get(report(instance), "useradmin").json().get("steps")), "grantMailboxAccess");
        assertThat(failing.get("result").asText()).isEqualTo("INCIDENT");
        assertThat(failing.get("name").asText()).isEqualTo("Give the delegate Full Access");
        assertThat(failing.has("endedAt")).isFalse();
        assertThat(list(failing.get("failedAttempts"))).hasSize(6)
                .extracting(attempt -> attempt.get("retriesLeft").asInt()).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(failing.get("incidents")).hasSize(1);
        assertThat(failing.get("incidents").get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(failing.get("incidents").get(0).get("message").asText()).contains("gone@contoso.com");

        runtimeService.setVariable(instance.getId(), "mailboxDelegate", DIEGO);
        var incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        managementService.setJobRetries(incident.getConfiguration(), 1);
        runJobs(instance);
        JsonNode report = http.get(report(instance), "useradmin").json();
        assertThat(report.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
        List<JsonNode> steps = list(report.get("steps"));
        assertThat(steps).filteredOn(step -> step.get("activityId").asText().equals("grantMailboxAccess")).hasSize(1);
        JsonNode retried = step(steps, "grantMailboxAccess");
        assertThat(retried.get("result").asText()).isEqualTo("COMPLETED_AFTER_RETRY");
        assertThat(retried.get("failedAttempts")).hasSize(6);
        assertThat(retried.get("incidents").get(0).get("state").asText()).isEqualTo("RESOLVED");
        assertThat(retried.get("incidents").get(0).get("endedAt").asText()).isNotEmpty();
    }

    @Test
    void reportOfADeletedThenRestoredOffboarding() throws IOException {
        ProcessInstance instance = start("lynne.robbins", "Contract ended", "HR-17", null);
        runJobs(instance);
        // The admin decides in Tasklist.
        Task decide = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        processEngine.getIdentityService().setAuthentication("admin", List.of("global-admins"));
        try {
            taskService.complete(decide.getId(), Map.of("mailboxAction", "DELETE", "oneDriveOwner", DIEGO,
                    "removeLicenses", true, "reduceLicenseCount", false));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        runJobs(instance);
        Http.Response restored = http.postJson(OFFBOARDINGS + "/" + instance.getId() + "/restore", "admin", "");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        runJobs(instance);

        JsonNode report = http.get(report(instance), "useradmin").json();
        assertThat(report.get("outcome").asText()).isEqualTo("Restored");
        assertThat(report.get("request").get("requestedBy").asText()).isEqualTo("useradmin");
        assertThat(report.get("request").get("reason").asText()).isEqualTo("Contract ended");
        assertThat(report.get("decision").get("decidedBy").asText()).isEqualTo("admin");
        assertThat(report.get("decision").get("decidedAtStart").asBoolean()).isFalse();
        assertThat(report.get("decision").get("route").asText()).isEqualTo("DELETE_IN_CLOUD");
        assertThat(report.get("decision").get("decisions").get("mailboxAction").asText()).isEqualTo("DELETE");

        List<JsonNode> steps = list(report.get("steps"));
        assertThat(steps).extracting(step -> step.get("activityId").asText()).containsSubsequence("lookUpUser",
                "decideOffboarding", "applyGuidanceRules", "blockSignIn", "backUpMailbox", "grantOneDriveAccess", "removeLicenses", "deleteUser",
                "restoreRequested", "restoreUser", "Restored");
        assertThat(step(steps, "decideOffboarding").get("completedBy").asText()).isEqualTo("admin");
        assertThat(step(steps, "restoreWindowExpired").get("result").asText()).isEqualTo("CANCELED");
        assertThat(step(steps, "restoreUser").get("result").asText()).isEqualTo("COMPLETED");

        List<JsonNode> changes = list(report.get("tenantChanges"));
        assertThat(changes).extracting(change -> change.get("change").asText()).containsExactly(
                "Sign-in blocked and sessions revoked", "OneDrive shared with " + DIEGO, "Mail sent to " + DIEGO,
                "Licenses removed", "Account deleted", "Account restored");
        assertThat(changes).extracting(change -> change.get("step").asText()).containsExactly("blockSignIn",
                "grantOneDriveAccess", "grantOneDriveAccess", "removeLicenses", "deleteUser", "restoreUser");
        assertThat(changes.get(4).get("detail").asText()).startsWith("restorable until ");
        assertThat(changes.get(2).get("detail").asText()).isEqualTo("You now have access to the OneDrive of Lynne Robbins");

        Path location = Path.of(report.get("backup").get("location").asText());
        assertThat(Files.readString(location.resolve("manifest.json.sha256")))
                .startsWith(report.get("backup").get("manifestSha256").asText());
        assertThat(json.readTree(location.resolve("report.json").toFile()).get("outcome").asText()).isEqualTo("Restored");
        assertThat(Files.readString(location.resolve("report.html"))).contains("Restored").contains("Account restored");
    }

    @Test
    void thePageEscapesWhatUsersTypedAndLoadsNothing() {
        String hostile = "<script>alert(\"owned\")</script> & 'more'";
        // /api refuses such a ticket reference, but /engine-rest passes variables on as they are: the page escapes.
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("offboarding", Map.of(
                "userPrincipalName", "alex.wilber" + DOMAIN, "reason", hostile,
                "ticketReference", "<img src=x onerror=alert(1)>", "decisions", "{\"mailboxAction\": \"DELETE\"}"));
        runJobs(instance);

        for (Http.Response page : List.of(http.get(report(instance) + "?format=html", "useradmin"),
                http.get(report(instance), "useradmin", "text/html,application/xhtml+xml,*/*;q=0.8"))) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'"));
            String html = page.body();
            assertThat(html).contains("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &#39;more&#39;")
                    .contains("&lt;img src=x onerror=alert(1)&gt;")
                    .doesNotContain("<script", "<img", "<link", "<iframe", "<object", "url(", "@import")
                    .contains("<style>", "@media print", "Rejected", "forwards mail");
        }
        // Anything else gets JSON, the default.
        Http.Response anything = http.get(report(instance), "useradmin", "*/*");
        assertThat(anything.contentType()).startsWith("application/json");
        assertThat(anything.json().get("request").get("reason").asText()).isEqualTo(hostile);
        assertThat(http.get(report(instance) + "?format=json", "useradmin", "text/html").contentType())
                .startsWith("application/json");
    }

    @Test
    void theReportIsForAdminsOnlyAndOnlyOfOffboardingsThatExist() {
        ProcessInstance instance = start("diego.siciliani", "Moves on", "", null);
        assertProblem(http.get(report(instance), null), 401, "Log in");
        assertProblem(http.get(report(instance), "intruder:wrong-password"), 401, "Log in");
        assertProblem(http.get(report(instance), "helpdesk"), 403, "groups do not allow");
        assertProblem(http.get(report(instance) + "?format=html", "helpdesk"), 403, "groups do not allow");
        assertProblem(http.get(OFFBOARDINGS + "/does-not-exist/report", "useradmin"), 404, "no offboarding");
        assertProblem(http.get(OFFBOARDINGS + "/does-not-exist/report?format=html", "useradmin"), 404, "no offboarding");
        assertProblem(http.get(report(instance) + "?format=pdf", "useradmin"), 400, "format must be json or html");
        for (String admin : List.of("admin", "useradmin", "billingadmin")) {
            Http.Response response = http.get(report(instance), admin);
            assertThat(response.status()).as(admin).isEqualTo(200);
            // Still running: no outcome yet, waiting for the decision.
            assertThat(response.json().has("outcome")).isFalse();
            assertThat(response.json().has("endedAt")).isFalse();
        }
    }

    @Test
    void theCopyOfARejectedOffboardingWithoutBackupGoesWhereTheBackupWouldHaveBeen() throws IOException {
        // The API refuses an unknown user up front; started in the engine, the model rejects it.
        ProcessInstance instance = start("nobody", delete());
        runJobs(instance);
        Path location = backups.locationOf("nobody@contoso.com", instance.getId());
        JsonNode copy = json.readTree(location.resolve("report.json").toFile());
        assertThat(copy.get("outcome").asText()).isEqualTo("Rejected");
        assertThat(copy.get("rejectionReason").asText()).contains("no active user nobody@contoso.com");
        assertThat(copy.has("backup")).isFalse();
        assertThat(copy.get("tenantChanges")).isEmpty();
        assertThat(Files.readString(location.resolve("report.html"))).contains("Rejected")
                .contains("no active user nobody@contoso.com").contains("Nothing was changed in the tenant");
    }

    @Test
    void aCopyThatCannotBeWrittenIsLoggedAndTheOffboardingEndsAllTheSame(CapturedOutput output) throws IOException {
        // Where the user's folder should be, a file: the copy cannot be written.
        Path userFolder = backups.locationOf("ghost@contoso.com", "any").getParent();
        Files.createDirectories(userFolder.getParent());
        Files.writeString(userFolder, "in the way");
        try {
            ProcessInstance instance = start("ghost", delete());
            runJobs(instance);
            assertThat(failures).isEmpty();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult().getEndTime()).isNotNull();
            assertThat(http.get(report(instance), "useradmin").json().get("outcome").asText()).isEqualTo("Rejected");
            assertThat(output.getOut()).contains("The audit report of offboarding " + instance.getId()
                    + " was NOT written");
        } finally {
            Files.delete(userFolder);
        }
    }

    /** Starts through the API as useradmin. */
    private ProcessInstance start(String alias, String reason, String ticket, Map<String, Object> decisions) {
        Map<String, Object> body = new HashMap<>(Map.of("userPrincipalName", alias + DOMAIN, "reason", reason,
                "ticketReference", ticket));
        if (decisions != null) {
            body.put("decisions", decisions);
        }
        Http.Response created = http.postJson(OFFBOARDINGS, "useradmin", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return runtimeService.createProcessInstanceQuery().processInstanceId(created.json().get("id").asText())
                .singleResult();
    }

    private static String report(ProcessInstance instance) {
        return OFFBOARDINGS + "/" + instance.getId() + "/report";
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode step(List<JsonNode> steps, String activityId) {
        return steps.stream().filter(step -> step.get("activityId").asText().equals(activityId)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + activityId + " in " + steps));
    }

    private static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
