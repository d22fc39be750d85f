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
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.graph.FakeMicrosoft365;
import dev.offboarding.tenant.SkuNames;
import dev.offboarding.tenant.TenantCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * answers as Microsoft documents: one offboarding to Deleted and one to ConvertedToSharedMailbox, asserting every
 * request that reached "Microsoft", in order.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "offboarding.tenant.mode=graph",
        "offboarding.graph.tenant-id=" + FakeMicrosoft365.TENANT,
        "offboarding.graph.client-id=11111111-2222-3333-4444-555555555555",
        "offboarding.graph.client-secret=test-secret",
        "offboarding.graph.mail-sender=offboarding@contoso.com",
        "offboarding.backup.directory=target/test-backups/${random.uuid}",
        "logging.level.org.camunda.bpm.engine.context=off",
        "logging.level.org.camunda.bpm.engine.jobexecutor=off"})
@DirtiesContext
class GraphModeProcessTest {

    private static final FakeMicrosoft365 MICROSOFT = new FakeMicrosoft365();

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        registry.add("offboarding.graph.authority-url", MICROSOFT::url);
        registry.add("offboarding.graph.base-url", () -> MICROSOFT.url() + "/v1.0");
        registry.add("offboarding.exchange.base-url", () -> MICROSOFT.url() + "/adminapi/beta");
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

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
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

        assertThat(MICROSOFT.requests()).containsExactlyElementsOf(List.of(
                // lookUpUser
                "GET /users/" + ADELE + "?$select=id,userPrincipalName,displayName,mail,accountEnabled,onPremisesSyncEnabled,assignedLicenses,proxyAddresses",
                "GET /users/" + ADELE_ID + "/memberOf/microsoft.graph.directoryRole?$count=true&$select=displayName,roleTemplateId",
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Get-MailboxStatistics",
                "GET /users/" + ADELE + "/drive?$select=id,webUrl,quota",
                "GET /directory/subscriptions",
                "GET /subscribedSkus",
                "GET /organization?$select=displayName",
                "GET /admin/sharepoint/settings",
                // blockSignIn
                "GET /users/" + ADELE_ID + "?$select=id,accountEnabled",
                "PATCH /users/" + ADELE_ID,
                "POST /users/" + ADELE_ID + "/revokeSignInSessions",
                // backUpMailbox: the folders, then page by page each message's MIME (never a whole mailbox in
                // memory), then the folders again to compare the counts
                "GET /users/" + ADELE + "/mailFolders?includeHiddenFolders=true&$top=100",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/childFolders?includeHiddenFolders=true&$top=100",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/messages?$select=id&$top=100",
                "GET /users/" + ADELE + "/messages/AAMkInbox1/$value",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/messages?$select=id&$top=100&$skip=1",
                "GET /users/" + ADELE + "/messages/AAMkInbox2/$value",
                "GET /users/" + ADELE + "/mailFolders/AAMkProjects/messages?$select=id&$top=100",
                "GET /users/" + ADELE + "/messages/AAMkProject1/$value",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBCQAAAA==/messages?$select=id&$top=100",
                "GET /users/" + ADELE + "/messages/AAMkSent1/$value",
                "GET /users/" + ADELE + "/mailFolders?includeHiddenFolders=true&$top=100",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/childFolders?includeHiddenFolders=true&$top=100",
                // grantOneDriveAccess and the mail to the new owner
                "GET /users/" + ADELE + "/drive?$select=id,webUrl,quota",
                "GET /drives/b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7/root?$select=id",
                "GET /users/" + DIEGO + "?$select=id",
                "GET /drives/b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7/items/01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ/permissions",
                "POST /drives/b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7/items/01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ/invite",
                "GET /admin/sharepoint/settings",
                "POST /users/offboarding@contoso.com/sendMail",
                // removeLicenses
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,licenseAssignmentStates",
                "POST /users/" + ADELE_ID + "/assignLicense",
                // deleteUser
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,onPremisesSyncEnabled",
                "DELETE /users/" + ADELE_ID,
                "GET /directory/deletedItems/" + ADELE_ID,
                // a week before the OneDrive is deleted (capped at the restore window): the reminder
                "POST /users/offboarding@contoso.com/sendMail",
                // confirmPermanentDeletion
                "GET /directory/deletedItems/" + ADELE_ID,
                "GET /users/" + ADELE_ID + "?$select=id",
                "DELETE /directory/deletedItems/" + ADELE_ID));
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
    void convertsToASharedMailboxAndRemovesTheLicenseOnlyOnceExchangeReportsIt() throws Exception {
        ProcessInstance instance = start(new Decisions("CONVERT_TO_SHARED", DIEGO, "Adele Vance (former employee)",
                "Adele has left.", "Adele no longer works here.", true, null, true, false));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("ConvertedToSharedMailbox").hasNotPassed("deleteUser");
        List<String> requests = MICROSOFT.requests();
        int firstLookUp = requests.indexOf("GET /users/" + ADELE + "?$select=id,userPrincipalName,displayName,mail,"
                + "accountEnabled,onPremisesSyncEnabled,assignedLicenses,proxyAddresses");
        int backedUp = requests.lastIndexOf("GET /users/" + ADELE + "/messages/AAMkSent1/$value");
        assertThat(requests.subList(backedUp + 1, requests.size())).containsExactly(
                "GET /users/" + ADELE + "/mailFolders?includeHiddenFolders=true&$top=100",
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/childFolders?includeHiddenFolders=true&$top=100",
                // convertToSharedMailbox: converts, then polls until Exchange reports a shared mailbox
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Set-Mailbox",
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Get-Mailbox",
                // grantMailboxAccess
                "POST InvokeCommand Get-MailboxPermission",
                "POST InvokeCommand Add-MailboxPermission",
                // renameMailbox
                "GET /users/" + ADELE + "?$select=id,displayName",
                "PATCH /users/" + ADELE,
                // setAutoReplies
                "POST InvokeCommand Set-MailboxAutoReplyConfiguration",
                // removeAliases
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Set-Mailbox",
                // removeLicenses, after the mailbox is shared
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,licenseAssignmentStates",
                "POST /users/" + ADELE_ID + "/assignLicense");
        assertThat(firstLookUp).isZero();
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

    private void passTime(ProcessInstance instance, Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runJobs(instance);
    }
}
