package dev.offboarding.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import dev.offboarding.process.ProcessTestSupport;
import dev.offboarding.config.OffboardingProperties.SandboxFaults;
import dev.offboarding.tenant.sandbox.SandboxFaultInjector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API of PROCESS.md over HTTP: every error is a problem response a person can act on. */
@OffboardingSpringTest
class OffboardingApiTest extends ProcessTestSupport {

    private static final String PROBLEM = "application/problem+json";
    private static final String OFFBOARDINGS = "/api/offboardings";

    @LocalServerPort
    int port;
    @Autowired
    SandboxFaultInjector faults;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void startsAnOffboardingAndShowsIt() {
        Http.Response created = http.postJson(OFFBOARDINGS, "useradmin",
                Map.of("userPrincipalName", "Adele.Vance@contoso.com", "reason", "Leaves", "ticketReference", "HR-17"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.location()).endsWith(OFFBOARDINGS + "/" + id);
        assertThat(created.json().get("userPrincipalName").asText()).isEqualTo("adele.vance@contoso.com");
        assertThat(created.json().get("requestedBy").asText()).isEqualTo("useradmin");
        assertThat(created.json().get("state").asText()).isEqualTo("RUNNING");

        runJobs(instance(id));
        JsonNode shown = http.get(OFFBOARDINGS + "/" + id, "billingadmin").json();
        assertThat(shown.get("state").asText()).isEqualTo("WAITING_FOR_DECISION");
        assertThat(shown.get("displayName").asText()).isEqualTo("Adele Vance");
        assertThat(shown.get("currentWait").get("description").asText()).isEqualTo("Decide how to offboard Adele Vance");
        assertThat(shown.get("steps").get(0).get("activityId").asText()).isEqualTo("lookUpUser");

        JsonNode waiting = http.get(OFFBOARDINGS + "?state=WAITING_FOR_DECISION", "useradmin").json();
        assertThat(waiting).hasSize(1);
        assertThat(http.get(OFFBOARDINGS + "?state=IN_RESTORE_WINDOW", "useradmin").json()).isEmpty();
    }

    @Test
    void decisionsGivenAtStartSkipTheTaskAndNameTheDecider() {
        Http.Response created = http.postJson(OFFBOARDINGS, "admin", Map.of("userPrincipalName", "lynne.robbins@contoso.com",
                "decisions", Map.of("mailboxAction", "DELETE", "oneDriveOwner", "diego.siciliani@contoso.com")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        runJobs(instance(id));
        JsonNode shown = http.get(OFFBOARDINGS + "/" + id, "admin").json();
        assertThat(shown.get("state").asText()).isEqualTo("IN_RESTORE_WINDOW");
        assertThat(shown.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(shown.get("decisions").get("mailboxAction").asText()).isEqualTo("DELETE");
        assertThat(shown.get("backup").get("messageCount").asLong()).isEqualTo(6);
        assertThat(shown.get("restoreWindowEndsAt").asText()).isNotEmpty();
        assertThat(shown.get("currentWait").get("kind").asText()).isEqualTo("TIMER");
    }

    @Test
    void badInputIsRefusedWith400() {
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "{\"userPrincipalName\": \"not an address\"}"), 400,
                "is not a user principal name");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"requestedBy\": \"ceo\"}"),
                400, "Unknown field 'requestedBy'");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"DELETE\", \"colour\": 1}}"),
                400, "Unknown field 'colour'");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "{\"userPrincipalName\": "), 400, "not valid JSON");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "[]"), 400, "");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", "{}"), 400, "userPrincipalName is required");
        assertProblem(http.post(OFFBOARDINGS, "useradmin", "text/plain", "adele"), 415, "application/json");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "reason", "x".repeat(1001))), 400, "at most 1000");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "reason", "bell\u0007")), 400, "control characters");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void inconsistentDecisionsAreRefusedWith400() {
        assertProblem(start("adele.vance", Map.of("mailboxAction", "CONVERT_TO_SHARED")), 400,
                "A shared mailbox needs a delegate");
        assertProblem(start("adele.vance", Map.of("mailboxAction", "CONVERT_TO_SHARED",
                "mailboxDelegate", "adele.vance@contoso.com")), 400, "cannot get Full Access to their own mailbox");
        assertProblem(start("adele.vance", Map.of("mailboxAction", "DELETE", "oneDriveOwner", "ADELE.VANCE@contoso.com")),
                400, "new owner of their own OneDrive");
        assertProblem(start("adele.vance", Map.of("mailboxAction", "DELETE", "mailboxDelegate", "diego.siciliani@contoso.com")),
                400, "mailboxDelegate only applies when the mailbox is kept");
        assertProblem(start("adele.vance", Map.of("mailboxAction", "ARCHIVE")), 400, "must be CONVERT_TO_SHARED or DELETE");
        assertProblem(start("adele.vance", Map.of("mailboxAction", "CONVERT_TO_SHARED",
                "mailboxDelegate", "ghost@contoso.com")), 400, "ghost@contoso.com is not an active user");
        Http.Response problem = start("adele.vance", Map.of("mailboxAction", "CONVERT_TO_SHARED",
                "mailboxDelegate", "adele.vance@contoso.com", "oneDriveOwner", "no-at-sign"));
        assertThat(problem.json().get("problems")).hasSize(2);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void unknownUserIs404AndUnknownOffboardingToo() {
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "nobody@contoso.com")), 404,
                "no active user nobody@contoso.com");
        assertProblem(http.get(OFFBOARDINGS + "/does-not-exist", "useradmin"), 404, "no offboarding");
        assertProblem(http.postJson(OFFBOARDINGS + "/does-not-exist/cancel", "useradmin", ""), 404, "no offboarding");
    }

    @Test
    void whenTheTenantCannotAnswerTheChecksTheOffboardingStartsAndItsFirstStepDecides() {
        faults.change(new SandboxFaults(0, Duration.ofSeconds(1), 0, 0, Duration.ofSeconds(2), Duration.ZERO, 0,
                List.of("isActiveUser")));
        try {
            Http.Response known = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                    "decisions", Map.of("mailboxAction", "DELETE", "oneDriveOwner", "nobody@contoso.com")));
            Http.Response unknown = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "nobody@contoso.com"));
            assertThat(known.status()).as(known.body()).isEqualTo(201);
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(201);

            String unknownId = unknown.json().get("id").asText();
            runJobs(instance(unknownId));
            JsonNode rejected = http.get(OFFBOARDINGS + "/" + unknownId, "useradmin").json();
            assertThat(rejected.get("outcome").asText()).isEqualTo("Rejected");
            assertThat(rejected.get("rejectionReason").asText()).contains("no active user nobody@contoso.com");
        } finally {
            faults.change(SandboxFaults.none());
        }
    }

    @Test
    void anAcceptTheApiCannotServeIs406() {
        String id = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com"))
                .json().get("id").asText();
        assertProblem(http.get(OFFBOARDINGS + "/" + id, "useradmin", "text/csv"), 406, "application/json");
        assertProblem(http.get(OFFBOARDINGS + "/" + id + "/report", "useradmin", "text/csv"), 406, "text/html");
        assertThat(http.get(OFFBOARDINGS + "/" + id, "useradmin", "application/*").status()).isEqualTo(200);
    }

    @Test
    void secondOffboardingOfTheSameUserIs409() {
        Http.Response first = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com"));
        Http.Response second = http.postJson(OFFBOARDINGS, "admin", Map.of("userPrincipalName", "ADELE.vance@contoso.com"));
        assertProblem(second, 409, "already being offboarded");
        assertThat(second.json().get("runningOffboarding").asText()).endsWith(first.json().get("id").asText());
    }

    @Test
    void withoutLoginIs401AndWithoutTheRightGroupIs403() {
        Http.Response anonymous = http.get(OFFBOARDINGS, null);
        assertProblem(anonymous, 401, "Log in");
        // A wrong password makes Camunda delay that user's next login, so an unknown user stands in for it here.
        assertProblem(http.get(OFFBOARDINGS, "intruder:wrong-password"), 401, "Log in");
        assertProblem(http.get(OFFBOARDINGS, "helpdesk"), 403, "groups do not allow");
        assertProblem(http.postJson(OFFBOARDINGS, "billingadmin", Map.of("userPrincipalName", "adele.vance@contoso.com")),
                403, "groups do not allow");
        assertProblem(http.postJson(OFFBOARDINGS, "helpdesk", Map.of("userPrincipalName", "adele.vance@contoso.com")),
                403, "groups do not allow");
        assertThat(http.get(OFFBOARDINGS, "billingadmin").status()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void camundasRestApiNeedsALoginToo() {
        assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", "intruder:wrong").status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", "useradmin").status()).isEqualTo(200);

        Http.Response started = http.postJson("/engine-rest/process-definition/key/offboarding/start", "useradmin",
                "{\"variables\": {\"userPrincipalName\": {\"value\": \"Diego.Siciliani@contoso.com\"},"
                        + " \"requestedBy\": {\"value\": \"somebody else\"}}}");
        assertThat(started.status()).isEqualTo(200);
        ProcessInstance instance = instance(started.json().get("id").asText());
        assertThat(instance.getBusinessKey()).isEqualTo("diego.siciliani@contoso.com");
        assertThat(runtimeService.getVariable(instance.getId(), "requestedBy")).isEqualTo("useradmin");

        Http.Response refused = http.postJson("/engine-rest/process-definition/key/offboarding/start", "helpdesk",
                "{\"variables\": {\"userPrincipalName\": {\"value\": \"adele.vance@contoso.com\"}}}");
        // Camunda answers 404, not 403, when the caller may not even read the process definition.
        assertThat(refused.status()).isIn(403, 404);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("adele.vance@contoso.com").count()).isZero();
    }

    @Test
    void cancelOnlyBeforeTheFirstDestructiveStep() {
        String waiting = id(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com")));
        runJobs(instance(waiting));
        Http.Response cancelled = http.postJson(OFFBOARDINGS + "/" + waiting + "/cancel", "useradmin", "");
        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode shown = http.get(OFFBOARDINGS + "/" + waiting, "useradmin").json();
        assertThat(shown.get("state").asText()).isEqualTo("ENDED");
        assertThat(shown.get("outcome").asText()).isEqualTo("Cancelled");

        String deleted = id(start("lynne.robbins", Map.of("mailboxAction", "DELETE")));
        runJobs(instance(deleted));
        assertProblem(http.postJson(OFFBOARDINGS + "/" + deleted + "/cancel", "useradmin", ""), 409,
                "can no longer be cancelled");
        assertProblem(http.postJson(OFFBOARDINGS + "/" + waiting + "/cancel", "useradmin", ""), 409, "already ended");
    }

    @Test
    void restoreOnlyInsideTheRestoreWindow() {
        String id = id(start("lynne.robbins", Map.of("mailboxAction", "DELETE")));
        assertProblem(http.postJson(OFFBOARDINGS + "/" + id + "/restore", "useradmin", ""), 409, "cannot be restored now");
        runJobs(instance(id));
        assertThat(http.postJson(OFFBOARDINGS + "/" + id + "/restore", "useradmin", "").status()).isEqualTo(200);
        runJobs(instance(id));
        JsonNode shown = http.get(OFFBOARDINGS + "/" + id, "useradmin").json();
        assertThat(shown.get("outcome").asText()).isEqualTo("Restored");
        assertThat(tenantUser("lynne.robbins").get("deletedAt")).isNull();
        assertProblem(http.postJson(OFFBOARDINGS + "/" + id + "/restore", "billingadmin", ""), 403, "groups do not allow");
    }

    @Test
    void bulkJsonStartsTheGoodRowsAndExplainsTheBadOnes() {
        Http.Response response = http.postJson(OFFBOARDINGS + "/bulk", "useradmin", """
                [
                  {"userPrincipalName": "adele.vance@contoso.com", "reason": "Team closed"},
                  {"userPrincipalName": "not-an-address"},
                  {"userPrincipalName": "lynne.robbins@contoso.com", "mood": "sad"},
                  {"userPrincipalName": "nobody@contoso.com"},
                  {"userPrincipalName": "ADELE.VANCE@contoso.com"},
                  "just a string",
                  {"userPrincipalName": "diego.siciliani@contoso.com", "decisions": {"mailboxAction": "DELETE"}}
                ]""");
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("total").asInt()).isEqualTo(7);
        assertThat(result.get("started").asInt()).isEqualTo(2);
        assertThat(statuses(result)).containsExactly(201, 400, 400, 404, 409, 400, 201);
        assertThat(result.get("results").get(2).get("problem").get("detail").asText()).contains("Unknown field 'mood'");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(2);
        // Rows start side by side, each as the caller.
        assertThat(runtimeService.getVariable(id(result, 0), "requestedBy")).isEqualTo("useradmin");
        assertThat(runtimeService.getVariable(id(result, 6), "decidedBy")).isEqualTo("useradmin");
    }

    @Test
    void bulkRowsOfTheSameUserStartInTheirOrderAndEveryRowAsTheCaller() {
        StringBuilder csv = new StringBuilder("userPrincipalName,reason\n");
        List<String> users = List.of("alex.wilber", "nestor.wilke", "isaiah.langer", "miriam.graham", "grady.archie");
        for (int round = 1; round <= 3; round++) {
            for (String user : users) {
                csv.append(round == 2 ? user.toUpperCase(java.util.Locale.ROOT) : user).append("@contoso.com,Round ")
                        .append(round).append('\n');
            }
        }
        JsonNode result = http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", csv.toString()).json();
        assertThat(statuses(result)).containsExactly(201, 201, 201, 201, 201, 409, 409, 409, 409, 409, 409, 409, 409,
                409, 409);
        for (int row = 0; row < users.size(); row++) {
            assertThat(runtimeService.getVariable(id(result, row), "reason")).isEqualTo("Round 1");
            assertThat(runtimeService.getVariable(id(result, row), "requestedBy")).isEqualTo("useradmin");
        }
    }

    @Test
    void bulkCsvStartsTheGoodRowsAndExplainsTheBadOnes() {
        String csv = """
                userPrincipalName,reason,mailboxAction,mailboxDelegate,removeLicenses
                adele.vance@contoso.com,"Leaves, sadly",CONVERT_TO_SHARED,diego.siciliani@contoso.com,true
                lynne.robbins@contoso.com,Leaves,DELETE,,maybe
                johanna.lorenz@contoso.com,Leaves,CONVERT_TO_SHARED,,
                nobody@contoso.com,,,,
                diego.siciliani@contoso.com,"Moves
                abroad",,,
                """;
        Http.Response response = http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", csv);
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(statuses(result)).containsExactly(201, 400, 400, 404, 201);
        assertThat(result.get("results").get(1).get("problem").get("detail").asText()).contains("removeLicenses must be true or false");
        assertThat(runtimeService.getVariable(id(result, 4), "reason")).isEqualTo("Moves\nabroad");

        assertProblem(http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", "user,reason\nx,y\n"), 400,
                "column userPrincipalName");
        assertProblem(http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", "userPrincipalName,shoeSize\nx,42\n"), 400,
                "Unknown CSV columns [shoeSize]");
        assertProblem(http.postJson(OFFBOARDINGS + "/bulk", "useradmin", "{\"userPrincipalName\": \"x@y.z\"}"), 400,
                "is an array");
    }

    @Test
    void aScheduledOffboardingWaitsForItsLeaveDate() {
        String lastWorkingDay = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(14).toString();
        Http.Response created = http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "lynne.robbins@contoso.com",
                "leaveDate", lastWorkingDay, "timeZone", "America/New_York",
                "decisions", Map.of("mailboxAction", "DELETE")));
        String id = id(created);
        assertThat(created.json().get("leaveAt").asText()).isEqualTo(java.time.LocalDate.parse(lastWorkingDay)
                .atTime(18, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant().toString());
        runJobs(instance(id));
        JsonNode shown = http.get(OFFBOARDINGS + "/" + id, "useradmin").json();
        assertThat(shown.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(shown.get("currentWait").get("activityId").asText()).isEqualTo("leaveDateReached");
        assertThat(shown.get("currentWait").get("dueAt").asText()).isEqualTo(shown.get("leaveAt").asText());
        assertThat(http.get(OFFBOARDINGS + "?state=SCHEDULED", "useradmin").json()).hasSize(1);

        Http.Response csv = http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", """
                userPrincipalName,leaveDate,timeZone,mailboxAction
                johanna.lorenz@contoso.com,%s,Europe/Berlin,DELETE
                grady.archie@contoso.com,31.12.2026,,DELETE
                """.formatted(lastWorkingDay));
        assertThat(statuses(csv.json())).containsExactly(201, 400);
        assertThat(csv.json().get("results").get(1).get("problem").get("detail").asText())
                .contains("leaveDate '31.12.2026' is not a date");
    }

    @Test
    void anHrSystemSendsLeaveDatesWithADecisionTemplate() {
        String lastWorkingDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(21).toString();
        Http.Response response = http.postJson(OFFBOARDINGS + "/bulk", "useradmin", """
                [
                  {"userPrincipalName": "johanna.lorenz@contoso.com", "leaveDate": "%s", "template": "standard-leaver",
                   "ticketReference": "HR-101"},
                  {"userPrincipalName": "adele.vance@contoso.com", "leaveDate": "%s", "timeZone": "Europe/Paris",
                   "template": "keep-mail", "decisions": {"mailboxDelegate": "diego.siciliani@contoso.com",
                   "oneDriveOwner": "diego.siciliani@contoso.com", "cancelMeetings": false}},
                  {"userPrincipalName": "lynne.robbins@contoso.com", "template": "keep-mail"},
                  {"userPrincipalName": "grady.archie@contoso.com", "template": "gold-plated"}
                ]""".formatted(lastWorkingDay, lastWorkingDay));
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(statuses(result)).containsExactly(201, 201, 400, 400);
        assertThat(result.get("results").get(2).get("problem").get("detail").asText())
                .contains("A shared mailbox needs a delegate");
        assertThat(result.get("results").get(3).get("problem").get("detail").asText())
                .contains("template 'gold-plated' is not configured", "Known templates: keep-mail, standard-leaver");

        String johanna = id(result, 0);
        assertThat(runtimeService.getVariables(johanna)).containsEntry("mailboxAction", "DELETE")
                .containsEntry("resetPassword", true).containsEntry("removeFromGroups", true)
                .containsEntry("hideFromAddressList", false).containsEntry("decidedBy", "useradmin");
        String adele = id(result, 1);
        assertThat(runtimeService.getVariables(adele)).containsEntry("mailboxAction", "CONVERT_TO_SHARED")
                .containsEntry("mailboxDelegate", "diego.siciliani@contoso.com").containsEntry("cancelMeetings", false)
                .containsEntry("removeInboxRules", true);
        runJobs(instance(johanna));
        runJobs(instance(adele));
        assertThat(http.get(OFFBOARDINGS + "/" + johanna, "useradmin").json().get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(http.get(OFFBOARDINGS + "/" + adele, "useradmin").json().get("state").asText()).isEqualTo("SCHEDULED");

        Http.Response csv = http.post(OFFBOARDINGS + "/bulk", "useradmin", "text/csv", """
                userPrincipalName,leaveDate,template,oneDriveOwner
                miriam.graham@contoso.com,%s,standard-leaver,diego.siciliani@contoso.com
                """.formatted(lastWorkingDay));
        assertThat(statuses(csv.json())).containsExactly(201);
        assertThat(runtimeService.getVariables(id(csv.json(), 0))).containsEntry("oneDriveOwner", "diego.siciliani@contoso.com")
                .containsEntry("removeMobileDevices", true);
    }

    @Test
    void aLeaveDateMustBeADateInAKnownTimeZoneWithinAYear() {
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "leaveDate", "tomorrow")), 400, "leaveDate 'tomorrow' is not a date");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "leaveDate", "2026-12-18", "timeZone", "Europe/Atlantis")), 400, "not a time zone");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "leaveDate", "2099-01-01")), 400, "more than 366 days ahead");
        assertProblem(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "timeZone", "Europe/Berlin")), 400, "timeZone is given but leaveDate is not");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void thePreviewSaysWhatEachStepWouldDoAndChangesNothing() {
        List<Map<String, Object>> tenantBefore = sandbox.users();
        int changesBefore = sandbox.mutations(null).size();

        Http.Response preview = http.postJson(OFFBOARDINGS + "/preview", "useradmin", Map.of(
                "userPrincipalName", "adele.vance@contoso.com",
                "decisions", Map.of("mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", "diego.siciliani@contoso.com",
                        "removeFromGroups", true, "cancelMeetings", true, "removeInboxRules", true)));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode answer = preview.json();
        assertThat(answer.get("route").asText()).isEqualTo("CONVERT");
        JsonNode steps = answer.get("steps");
        assertThat(step(steps, "backUpMailbox").get("what").asText()).startsWith("Exports 24 messages");
        assertThat(step(steps, "removeFromGroups").get("runs").asBoolean()).isTrue();
        assertThat(step(steps, "removeFromGroups").get("items").toString())
                .contains("Retail team: removed", "All Contoso: stays (dynamic: its membership rule decides)");
        assertThat(step(steps, "cancelMeetings").get("items")).hasSize(2);
        assertThat(step(steps, "removeInboxRules").get("what").asText()).contains("2 rules");
        assertThat(step(steps, "resetPassword").get("runs").asBoolean()).isFalse();
        assertThat(step(steps, "deleteUser").get("runs").asBoolean()).isFalse();
        assertThat(step(steps, "removeLicenses").get("items").toString())
                .contains("Microsoft 365 E3: unassigned", "Group Visio users gives licenses: the user leaves it");

        JsonNode withoutDecisions = http.postJson(OFFBOARDINGS + "/preview", "admin",
                Map.of("userPrincipalName", "alex.wilber@contoso.com")).json();
        assertThat(withoutDecisions.get("decided").asBoolean()).isFalse();
        assertThat(withoutDecisions.get("warnings").toString()).contains("forwards mail to alex.wilber@fabrikam.com");
        assertThat(step(withoutDecisions.get("steps"), "removeInboxRules").get("runs").isNull()).isTrue();
        assertThat(http.postJson(OFFBOARDINGS + "/preview", "admin", Map.of("userPrincipalName",
                "isaiah.langer@contoso.com")).json().get("warnings").toString()).contains("bought through a partner");
        assertThat(http.postJson(OFFBOARDINGS + "/preview", "admin", Map.of("userPrincipalName",
                "patti.fernandez@contoso.com")).json().get("route").asText()).isEqualTo("REJECT");

        assertProblem(http.postJson(OFFBOARDINGS + "/preview", "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com",
                "decisions", Map.of("mailboxAction", "DELETE", "forwardMailTo", "diego.siciliani@contoso.com"))), 400,
                "forwardMailTo keeps the account");
        assertProblem(http.postJson(OFFBOARDINGS + "/preview", "useradmin", Map.of("userPrincipalName", "nobody@contoso.com")),
                404, "no active user");

        assertThat(sandbox.users()).as("the tenant after the previews").isEqualTo(tenantBefore);
        assertThat(sandbox.mutations(null)).hasSize(changesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    private static JsonNode step(JsonNode steps, String activityId) {
        for (JsonNode step : steps) {
            if (step.get("activityId").asText().equals(activityId)) {
                return step;
            }
        }
        throw new AssertionError("No step " + activityId + " in " + steps);
    }

    @Test
    void listIsFilteredAndPaged() {
        id(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "adele.vance@contoso.com")));
        id(http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", "diego.siciliani@contoso.com")));
        assertThat(http.get(OFFBOARDINGS + "?size=1", "useradmin").json()).hasSize(1);
        assertThat(http.get(OFFBOARDINGS + "?userPrincipalName=Diego.Siciliani@contoso.com", "useradmin").json()).hasSize(1);
        assertProblem(http.get(OFFBOARDINGS + "?state=SLEEPING", "useradmin"), 400, "state must be one of");
        assertProblem(http.get(OFFBOARDINGS + "?size=100000", "useradmin"), 400, "size between 1 and 200");
        assertProblem(http.get(OFFBOARDINGS + "?page=x", "useradmin"), 400, "page");
    }

    private Http.Response start(String alias, Map<String, Object> decisions) {
        return http.postJson(OFFBOARDINGS, "useradmin", Map.of("userPrincipalName", alias + "@contoso.com",
                "decisions", decisions));
    }

    private static List<Integer> statuses(JsonNode bulkResult) {
        return java.util.stream.StreamSupport.stream(bulkResult.get("results").spliterator(), false)
                .map(row -> row.get("status").asInt()).toList();
    }

    private static String id(JsonNode bulkResult, int index) {
        return bulkResult.get("results").get(index).get("id").asText();
    }

    private static String id(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
