package dev.offboarding.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.Http;
import dev.offboarding.process.Decisions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what, as a table: every admin group (and none, and no login) against every endpoint and every user task.
 * Requests that get past the authorization aim at things that do not exist, so each shows whether it was allowed
 * (404) or refused (403) without changing anything.
 */
@PostgresSpringTest
class PermissionsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = SharedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
    }

    /** The demo logins: admin (camunda-admin, global-admins), useradmin, billingadmin, helpdesk (no group). */
    private static final List<String> WHO = java.util.Arrays.asList("admin", "useradmin", "billingadmin", "helpdesk", null);

    @LocalServerPort
    int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    Http http;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> endpoints() {
        String unknownUser = "{\"userPrincipalName\": \"nobody@contoso.com\"}";
        // expected status per login: admin, useradmin, billingadmin, helpdesk, no login
        return Stream.of(
                Arguments.of("GET", "/api/offboardings", null, null, List.of(200, 200, 200, 403, 401)),
                Arguments.of("GET", "/api/offboardings/no-such-id", null, null, List.of(404, 404, 404, 403, 401)),
                Arguments.of("GET", "/api/offboardings/no-such-id/report", null, null, List.of(404, 404, 404, 403, 401)),
                Arguments.of("POST", "/api/offboardings", "application/json", unknownUser, List.of(404, 404, 403, 403, 401)),
                Arguments.of("POST", "/api/offboardings/preview", "application/json", unknownUser, List.of(404, 404, 403, 403, 401)),
                Arguments.of("POST", "/api/offboardings/bulk", "application/json", "[" + unknownUser + "]", List.of(200, 200, 403, 403, 401)),
                Arguments.of("POST", "/api/offboardings/bulk", "text/csv", "userPrincipalName\nnobody@contoso.com\n", List.of(200, 200, 403, 403, 401)),
                Arguments.of("POST", "/api/offboardings/no-such-id/cancel", "application/json", "", List.of(404, 404, 403, 403, 401)),
                Arguments.of("POST", "/api/offboardings/no-such-id/restore", "application/json", "", List.of(404, 404, 403, 403, 401)),
                Arguments.of("GET", "/api/sandbox/users/nobody@contoso.com", null, null, List.of(404, 404, 404, 403, 401)),
                Arguments.of("GET", "/api/sandbox/faults", null, null, List.of(200, 200, 200, 403, 401)),
                Arguments.of("GET", "/api/sandbox/mutations", null, null, List.of(200, 200, 200, 403, 401)),
                Arguments.of("PUT", "/api/sandbox/faults", "application/json", "{\"throttledShare\": 2}", List.of(400, 403, 403, 403, 401)),
                Arguments.of("DELETE", "/api/offboardings/no-such-id", null, null, List.of(403, 403, 403, 403, 401)),
                Arguments.of("GET", "/engine-rest/process-definition/key/offboarding", null, null, List.of(200, 200, 200, 404, 401)),
                Arguments.of("GET", "/actuator/health", null, null, List.of(200, 200, 200, 200, 200)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("endpoints")
    void endpointAnswersEachLoginAsItMay(String method, String path, String contentType, String body,
                                         List<Integer> expected) {
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        for (int i = 0; i < WHO.size(); i++) {
            String who = WHO.get(i);
            Http.Response response = switch (method) {
                case "GET" -> http.get(path, who);
                case "POST" -> http.post(path, who, contentType, body);
                default -> http.send(method, path, who, contentType, body);
            };
            assertThat(response.status()).as("%s %s as %s: %s", method, path, who, response.body())
                    .isEqualTo(expected.get(i));
        }
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    static Stream<Arguments> userTasks() {
        // expected completion per login: admin, useradmin, billingadmin, helpdesk
        return Stream.of(
                Arguments.of("decideOffboarding", List.of(true, true, false, false)),
                Arguments.of("removeFromOnPremisesAd", List.of(true, true, false, false)),
                // admin is also a Camunda administrator, who may work on any task.
                Arguments.of("reduceLicenses", List.of(true, false, true, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userTasks")
    void userTaskIsCompletedOnlyByItsGroups(String taskKey, List<Boolean> allowed) throws Exception {
        for (int i = 0; i < 4; i++) {
            String who = WHO.get(i);
            Task task = taskWaitingAt(taskKey, i);
            String variables = taskKey.equals("decideOffboarding")
                    ? "{\"variables\": {\"mailboxAction\": {\"value\": \"DELETE\"}}}" : "{\"variables\": {}}";
            Http.Response response = http.post("/engine-rest/task/" + task.getId() + "/complete", who,
                    "application/json", variables);
            boolean completed = taskService.createTaskQuery().taskId(task.getId()).count() == 0;
            assertThat(completed).as("%s completing %s: %s %s", who, taskKey, response.status(), response.body())
                    .isEqualTo(allowed.get(i));
            if (!allowed.get(i)) {
                assertThat(response.status()).isIn(403, 404);
            }
            runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test", true, true);
        }
    }

    /** A fresh offboarding waiting at the user task. */
    private Task taskWaitingAt(String taskKey, int round) throws Exception {
        Decisions decisions = switch (taskKey) {
            case "decideOffboarding" -> null;
            case "removeFromOnPremisesAd" -> new Decisions("DELETE", null, null, null, null, null, null, null, null);
            default -> new Decisions("DELETE", null, null, null, null, null, null, true, true);
        };
        // The license reduction comes after the account was deleted: each round offboards another licensed user.
        String user = switch (taskKey) {
            case "removeFromOnPremisesAd" -> "lee.gu@contoso.com";
            case "reduceLicenses" -> List.of("adele.vance", "johanna.lorenz", "miriam.graham", "diego.siciliani").get(round)
                    + "@contoso.com";
            default -> "lynne.robbins@contoso.com";
        };
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(user).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test", true, true));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("offboarding", decisions == null
                ? Map.of("userPrincipalName", user)
                : Map.of("userPrincipalName", user, "decisions", json.writeValueAsString(decisions)));
        for (int jobs = 0; jobs < 50; jobs++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }
}
