package dev.offboarding.process;

import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE_ID;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.DIEGO;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.DIEGO_ID;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.graph.FakeMicrosoft365;
import dev.offboarding.tenant.SkuNames;
import dev.offboarding.tenant.TenantCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same process and delegates in {@code offboarding.tenant.mode=graph}, against a stand-in for Microsoft 365 that
 * answers as Microsoft documents: one offboarding to Deleted, one to ConvertedToSharedMailbox and one with every step
 * of the leaver checklist, asserting every request that reached "Microsoft", in order.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "offboarding.tenant.mode=graph",
        "offboarding.backup.directory=target/test-backups/${random.uuid}",
        "logging.level.org.camunda.bpm.engine.context=off",
        "logging.level.org.camunda.bpm.engine.jobexecutor=off"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphModeProcessTest {

    private static final FakeMicrosoft365 MICROSOFT = new FakeMicrosoft365();

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        MICROSOFT.configure(registry);
    }

    /** The adapter polls Exchange while it converts; the test does not need to wait for real. */
    @TestConfiguration
    static class NoWaiting {
        static final List<Duration> WAITS = new ArrayList<>();

        @Bean
        @Primary
        TenantCalls.Sleeper recordingSleeper() {
            return WAITS::add;
        }
    }

    /** The optional steps of the leaver checklist, in the order of the model. */
    private static final List<String> CHECKLIST = List.of("resetPassword", "removeAuthenticationMethods",
            "removeFromGroups", "hideFromAddressList", "setMailForwarding", "removeInboxRules", "removeMobileDevices",
            "cancelMeetings", "removeMailboxPermissions");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired TenantChanges changes;
    @Autowired SkuNames skuNames;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void freshTenant() {
        init(processEngine);
        MICROSOFT.reset();
        skuNames.forget();
        NoWaiting.WAITS.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stop() {
        MICROSOFT.close();
    }

    @Test
    @Order(1) // first, so that it sees the only token requests of the whole class
    void deletesTheAccountAfterTheBackupAndConfirmsItAfterTheRestoreWindow() throws Exception {
        ProcessInstance instance = start(new Decisions("DELETE", null, null, null, null, null, DIEGO, true, false));
        runJobs(instance);
        assertThat(instance).isWaitingAt("restoreWindowExpired", "oneDriveReminderDue");
        assertThat(instance).variables().containsEntry("userId", ADELE_ID).containsEntry("mailboxSizeBytes", 1_325_420_544L)
                .containsEntry("oneDriveRetentionDays", 60).containsEntry("backupMessageCount", 4L)
                .containsEntry("assignedLicenses", "SPE_E3").containsEntry("organizationName", "Contoso");
        Path backup = Path.of((String) runtimeService.getVariable(instance.getId(), "backupLocation"));
        try (var files = Files.list(backup.resolve("messages"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(4);
        }
        Date deadline = (Date) runtimeService.getVariable(instance.getId(), "oneDriveDeadline");
        assertThat(Duration.between(new Date().toInstant(), deadline.toInstant()).toDays()).isBetween(59L, 60L);

        passTime(instance, Duration.ofDays(29).plusHours(1));
        passTime(instance, Duration.ofDays(1));
        assertThat(instance).isEnded().hasPassedInOrder("deleteUser", "sendOneDriveReminder", "confirmPermanentDeletion",
                "Deleted");

        assertThat(MICROSOFT.requests()).containsExactlyElementsOf(GraphModeRequests.deletePath());
        assertThat(MICROSOFT.tokenRequests()).isEqualTo(2);
        // What the audit report lists, recorded by the steps themselves: the same words as in sandbox mode.
        assertThat(changes.of(instance.getId())).extracting(TenantChanges.TenantChange::change).containsExactly(
                "Sign-in blocked and sessions revoked", "OneDrive shared with " + DIEGO, "Mail sent to " + DIEGO,
                "Licenses removed", "Account deleted", "Mail sent to " + DIEGO, "Account deleted for good");
        assertThat(body("PATCH", "/v1.0/users/" + ADELE_ID)).isEqualTo("{\"accountEnabled\":false}");
        assertThat(json.readTree(body("POST", "/v1.0/users/offboarding@contoso.com/sendMail")).path("message")
                .path("toRecipients").path(0).path("emailAddress").path("address").asText()).isEqualTo(DIEGO);
    }

    @Test
    @Order(2)
    void convertsToASharedMailboxAndRemovesTheLicenseOnlyOnceExchangeReportsIt() throws Exception {
        ProcessInstance instance = start(new Decisions("CONVERT_TO_SHARED", DIEGO, "Adele Vance (former employee)",
                "Adele has left.", "Adele no longer works here.", true, null, true, false));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("ConvertedToSharedMailbox").hasNotPassed("deleteUser");
        // Every request in order: the licenses go last, after the conversion's polling saw the shared mailbox.
        assertThat(MICROSOFT.requests()).containsExactlyElementsOf(GraphModeRequests.convertPath());
        // Get-Mailbox of lookUpUser, of the conversion before and twice after Set-Mailbox, then of removeAliases.
        assertThat(MICROSOFT.mailboxTypesReported()).containsExactly("UserMailbox", "UserMailbox", "UserMailbox",
                "SharedMailbox", "SharedMailbox");
        assertThat(NoWaiting.WAITS).containsExactly(Duration.ofSeconds(5));
        assertThat(MICROSOFT.requests()).doesNotContain("DELETE /users/" + ADELE_ID);
        assertThat(instance).variables().containsEntry("removedAliases", "adele@contoso.com")
                .containsEntry("removedSkuIds", E3);
        assertThat(changes.of(instance.getId())).extracting(TenantChanges.TenantChange::change,
                TenantChanges.TenantChange::detail).containsExactly(
                tuple("Sign-in blocked and sessions revoked", null),
                tuple("Mailbox converted to a shared mailbox", null),
                tuple("Full Access for " + DIEGO, null),
                tuple("Mailbox renamed", "Adele Vance (former employee)"),
                tuple("Automatic replies turned on", "inside and outside the organization"),
                tuple("Aliases removed", "adele@contoso.com"),
                tuple("Licenses removed", "SPE_E3"));
        assertThat(MICROSOFT.requests()).doesNotContain("GET /users/" + DIEGO_ID);
    }

    @Test
    @Order(3)
    void theLeaverChecklistCleansUpThroughGraphAndExchangeAfterTheBackupAndBeforeTheConversion() throws Exception {
        MICROSOFT.leaverChecklist();
        ProcessInstance instance = start(new Decisions("CONVERT_TO_SHARED", DIEGO, null, null, null, true, null, true,
                false, true, true, true, true, true, true, true, true, DIEGO, false));
        runJobsInModelOrder(instance);

        assertThat(instance).isEnded().hasPassed(CHECKLIST.toArray(String[]::new)).hasPassed("ConvertedToSharedMailbox")
                .hasNotPassed("noCleanUp", "deleteUser");
        assertThat(instance).hasPassedInOrder("backUpMailbox", "cleanUpAccount", "convertToSharedMailbox",
                "removeLicenses");
        // Every request in order; the steps of the checklist run one after the other in the order of the model.
        assertThat(MICROSOFT.requests()).containsExactlyElementsOf(GraphModeRequests.checklistConvertPath());

        assertThat(instance).variables()
                .containsEntry("removedAuthenticationMethods", "Microsoft Authenticator, phone")
                .containsEntry("removedGroups", "Retail managers, Retail newsletter")
                .containsEntry("keptGroups", "Visio users (gives licenses: handled with the licenses); "
                        + "All Contoso (dynamic: its membership rule decides)")
                .containsEntry("licensesKeptByGroups", "")
                .containsEntry("removedInboxRules", "Forward invoices to Diego")
                .containsEntry("removedMobileDevices", "Adele's iPhone 15")
                .containsEntry("cancelledMeetings", "Store opening in Lyon: final check, Weekly retail sync (series)")
                .containsEntry("removedMailboxPermissions", "FullAccess on megan.bowen@contoso.com, "
                        + "SendAs on megan.bowen@contoso.com")
                .containsEntry("removedSkuIds", E3);

        // The new password went to Microsoft and nowhere else: not into a variable, the history or the audit trail.
        JsonNode profile = json.readTree(body("PATCH", "/v1.0/users/" + ADELE_ID)).path("passwordProfile");
        assertThat(profile.path("forceChangePasswordNextSignIn").asBoolean()).isTrue();
        String password = profile.path("password").asText();
        assertThat(password).hasSize(24);
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
                .forEach(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain(password));
        assertThat(changes.of(instance.getId())).allSatisfy(change ->
                assertThat(change.change() + change.detail()).doesNotContain(password));
        assertThat(json.readTree(body("POST", "/v1.0/users/" + ADELE + "/events/" + FakeMicrosoft365.MEETING + "/cancel"))
                .path("Comment").asText()).startsWith("Adele Vance has left Contoso");
    }

    private ProcessInstance start(Decisions decisions) throws JsonProcessingException {
        return runtimeService.startProcessInstanceByKey("offboarding", Map.of("userPrincipalName", ADELE,
                "decisions", json.writeValueAsString(decisions)));
    }

    private String body(String method, String url) {
        return MICROSOFT.events().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method) && e.getRequest().getUrl().equals(url))
                .findFirst().orElseThrow().getRequest().getBodyAsString();
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /**
     * Like {@link #runJobs}, but jobs that are due together (the steps of the checklist after its inclusive gateway)
     * run in the order of the model, so that the requests come in an order the test can name.
     */
    private void runJobsInModelOrder(ProcessInstance instance) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = new ArrayList<>(managementService.createJobQuery().processInstanceId(instance.getId())
                    .executable().list());
            if (due.isEmpty()) {
                return;
            }
            due.sort(Comparator.comparingInt(job -> CHECKLIST.indexOf(managementService.createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())));
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private void passTime(ProcessInstance instance, Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runJobs(instance);
    }
}
