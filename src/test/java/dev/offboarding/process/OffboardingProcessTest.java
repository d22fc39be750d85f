package dev.offboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.offboarding.OffboardingSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Every path of offboarding.bpmn against the sandbox tenant, with the real delegates. Together the tests must cover
 * every flow node and sequence flow of the model: the class fails below 100 %.
 */
@OffboardingSpringTest
@Import({OffboardingProcessTest.FullCoverage.class, ProcessEngineCoverageConfiguration.class})
class OffboardingProcessTest extends ProcessTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private dev.offboarding.backup.MailboxBackupStore backupStore;

    @TestConfiguration
    static class FullCoverage {
        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @Test
    void convertedToSharedMailbox() {
        Decisions decisions = new Decisions("CONVERT_TO_SHARED", "diego.siciliani@contoso.com",
                "Adele Vance (former employee)", "Adele has left.", "Adele no longer works here.", true,
                "diego.siciliani@contoso.com", true, false);
        ProcessInstance instance = start("adele.vance", decisions);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("lookUpUser", "applyGuidanceRules", "blockSignIn",
                "backUpMailbox", "convertToSharedMailbox", "grantMailboxAccess", "renameMailbox", "setAutoReplies",
                "removeAliases", "grantOneDriveAccess", "removeLicenses", "ConvertedToSharedMailbox");
        assertThat(instance).hasNotPassed("decideOffboarding", "deleteUser", "checkLicenseReducible");
        assertThat(instance).variables().containsEntry("outcome", "ConvertedToSharedMailbox")
                .containsEntry("decidedBy", "system").containsEntry("backupMessageCount", 24L);

        Map<String, Object> adele = tenantUser("adele.vance");
        assertThat(adele).containsEntry("accountEnabled", false).containsEntry("deletedAt", null)
                .containsEntry("displayName", "Adele Vance (former employee)").containsEntry("licenses", List.of());
        assertThat(mailbox("adele.vance")).containsEntry("type", "SharedMailbox")
                .containsEntry("fullAccess", List.of("diego.siciliani@contoso.com"))
                .containsEntry("aliases", List.of())
                .containsEntry("autoReplyInternal", "Adele has left.")
                .containsEntry("autoReplyExternal", "Adele no longer works here.");
        assertThat(operationsOn("diego.siciliani")).containsExactly("sendMail");
    }

    @Test
    void theLeaverChecklistRunsTheChosenStepsAfterTheBackupAndBeforeTheConversion() {
        Decisions decisions = new Decisions("CONVERT_TO_SHARED", "diego.siciliani@contoso.com", null, null, null,
                true, null, true, false, true, true, true, true, true, true, true, true, "diego.siciliani@contoso.com",
                false);
        ProcessInstance instance = start("adele.vance", decisions);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed("resetPassword", "removeAuthenticationMethods", "removeFromGroups",
                "hideFromAddressList", "setMailForwarding", "removeInboxRules", "removeMobileDevices", "cancelMeetings",
                "removeMailboxPermissions", "ConvertedToSharedMailbox").hasNotPassed("noCleanUp");
        assertThat(instance).hasPassedInOrder("backUpMailbox", "cleanUpAccount", "convertToSharedMailbox");
        Map<String, Object> adele = tenantUser("adele.vance");
        assertThat(adele.get("passwordResetAt")).isNotNull();
        assertThat(adele).containsEntry("authenticationMethods", List.of())
                .containsEntry("groups", List.of("All Contoso")).containsEntry("licenses", List.of())
                .containsEntry("meetingsOrganized", List.of("Quarterly review", "Focus time",
                        "Weekly retail sync (cancelled)", "Store opening in Lyon: final check (cancelled)"));
        assertThat(mailbox("adele.vance")).containsEntry("hiddenFromAddressLists", true)
                .containsEntry("forwardingAddress", "diego.siciliani@contoso.com")
                .containsEntry("inboxRules", List.of()).containsEntry("mobileDevices", List.of());
        assertThat(mailbox("megan.bowen")).containsEntry("fullAccess", List.of()).containsEntry("sendAs", List.of());
        assertThat(instance).variables().containsEntry("keptGroups",
                "All Contoso (dynamic: its membership rule decides); Visio users (gives licenses: handled with the licenses)");
    }

    @Test
    void stoppingTheForwardingLetsTheAccountBeDeleted() {
        Decisions decisions = new Decisions("DELETE", null, null, null, null, null, null, true, false, null, null,
                null, null, true, null, null, null, null, true);
        ProcessInstance instance = start("alex.wilber", decisions);
        runJobs(instance);
        assertThat(instance).hasPassedInOrder("setMailForwarding", "removeInboxRules", "deleteUser")
                .isWaitingAt("restoreWindowExpired");
        assertThat(operationsOn("alex.wilber")).contains("setForwarding", "removeInboxRule", "deleteUser");
    }

    @Test
    void aSyncedUserKeepsPasswordAddressListAndSyncedGroupsForOnPremisesAd() {
        Decisions decisions = new Decisions("DELETE", null, null, null, null, null, null, true, false, true, true,
                true, true, null, null, null, null, null, null);
        ProcessInstance instance = start("lee.gu", decisions);
        runJobs(instance);
        assertThat(instance).hasPassed("removeAuthenticationMethods", "removeFromGroups")
                .hasNotPassed("resetPassword", "hideFromAddressList").isWaitingAt("removeFromOnPremisesAd");
        assertThat(tenantUser("lee.gu")).containsEntry("passwordResetAt", null)
                .containsEntry("groups", List.of("All Contoso", "Engineering (on-premises)"));
        assertThat(instance).variables().containsEntry("removedGroups", "").containsEntry("keptGroups",
                "All Contoso (dynamic: its membership rule decides); "
                        + "Engineering (on-premises) (synced from on-premises AD: change it there)");
    }

    @Test
    void backupIsWrittenAndVerifiedBeforeTheMailboxIsTouched() throws Exception {
        ProcessInstance instance = start("adele.vance", convert("diego.siciliani"));
        runJobs(instance);

        Path backup = Path.of((String) runtimeVariable(instance, "backupLocation"));
        assertThat(Files.list(backup.resolve("messages")).filter(f -> f.toString().endsWith(".eml"))).hasSize(24);
        assertThat(Files.readString(backup.resolve("manifest.json.sha256")))
                .startsWith((String) runtimeVariable(instance, "backupManifestSha256"));
        List<String> operations = operationsOn("adele.vance");
        assertThat(operations.indexOf("blockSignIn")).isLessThan(operations.indexOf("convertToSharedMailbox"));
    }

    @Test
    void adminDecidesInTasklistAndAnInconsistentChoiceIsRefused() {
        ProcessInstance instance = start("lynne.robbins", null);
        runJobs(instance);
        assertThat(instance).isWaitingAt("decideOffboarding").task()
                .hasName("Decide how to offboard Lynne Robbins")
                .hasCandidateGroup("global-admins").hasCandidateGroup("user-admins");
        assertThat(instance).variables().containsEntry("hasMailbox", true).containsEntry("mailboxItemCount", 6L)
                .containsEntry("assignedLicenses", "Microsoft 365 E3").containsEntry("adminRoles", "User Administrator");

        Task decision = task(instance);
        assertThat(decision.getDescription()).startsWith("Choose whether the mail is kept as a shared mailbox");
        assertThat(Duration.between(decision.getCreateTime().toInstant(), decision.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(1));
        assertThat(Duration.between(decision.getCreateTime().toInstant(), decision.getFollowUpDate().toInstant()))
                .isEqualTo(Duration.ofHours(12));
        // The dry run in the form: what each step would do to Lynne, read from the tenant.
        assertThat(runtimeVariable(instance, "previewSummary").toString())
                .contains("**Remove the MFA methods:** Removes 1 method.\n  - security key (FIDO2)")
                .contains("**Remove the mobile devices:** Removes 1 device.\n  - Pixel 8 (Outlook)")
                .contains("IT office hours (series)")
                .contains("**Back up the mailbox:** Exports 6 messages");
        assertThatThrownBy(() -> taskService.complete(decision.getId(), withVariables(
                "mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", "lynne.robbins@contoso.com")))
                .hasMessageContaining("cannot get Full Access to their own mailbox");
        assertThatThrownBy(() -> taskService.complete(decision.getId(), withVariables(
                "mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", "")))
                .hasMessageContaining("A shared mailbox needs a delegate");
        assertThatThrownBy(() -> taskService.complete(decision.getId(), withVariables(
                "mailboxAction", "DELETE", "oneDriveOwner", "nobody@contoso.com")))
                .hasMessageContaining("nobody@contoso.com is not an active user");
        assertThat(instance).isWaitingAt("decideOffboarding");

        taskService.complete(decision.getId(), withVariables("mailboxAction", "DELETE",
                "oneDriveOwner", "diego.siciliani@contoso.com", "removeLicenses", true, "reduceLicenseCount", true));
        runJobs(instance);
        assertThat(instance).hasPassed("decideOffboarding", "deleteUser", "checkLicenseReducible")
                .isWaitingAt("restoreWindowExpired", "oneDriveReminderDue", "reduceLicenses");
        // Suggested automatic replies do not apply to a deleted account.
        assertThat(instance).variables().containsEntry("autoReplyInternal", "").containsEntry("mailboxDelegate", "");

        Task reduction = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("reduceLicenses").singleResult();
        assertThat(reduction.getName()).isEqualTo("Reduce the license count after Lynne Robbins");
        assertThat(Duration.between(reduction.getCreateTime().toInstant(), reduction.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(7));
        assertThat(reduction.getDueDate()).isBefore((Date) runtimeVariable(instance, "oneDriveDeadline"));
        assertThat(runtimeVariable(instance, "licenseReductionSummary").toString())
                .contains("Microsoft 365 E3").contains("suggested new total **24**");
        assertThat(instance).task("reduceLicenses").hasCandidateGroup("billing-admins");
        taskService.complete(reduction.getId(), withVariables("licenseCountReduced", true));
        assertThat(instance).hasPassed("licenseCountReduced");
    }

    @Test
    void deletedThenWindowExpired() {
        ProcessInstance instance = start("johanna.lorenz", deleteGivingOneDriveTo("diego.siciliani"));
        runJobs(instance);
        assertThat(instance).isWaitingAt("restoreWindowExpired", "oneDriveReminderDue");
        assertThat(tenantUser("johanna.lorenz").get("deletedAt")).isNotNull();
        Date deadline = (Date) runtimeVariable(instance, "oneDriveDeadline");
        Date reminder = (Date) runtimeVariable(instance, "oneDriveReminderAt");
        assertThat(Duration.between(reminder.toInstant(), deadline.toInstant())).isEqualTo(Duration.ofDays(7));

        passTime(instance, Duration.ofDays(23).plusMinutes(1));
        assertThat(instance).hasPassed("sendOneDriveReminder").isWaitingAt("restoreWindowExpired");
        assertThat(operationsOn("diego.siciliani")).containsExactly("sendMail", "sendMail");

        passTime(instance, Duration.ofDays(7));
        assertThat(instance).isEnded().hasPassedInOrder("deleteUser", "confirmPermanentDeletion", "Deleted");
        assertThat(instance).variables().containsEntry("outcome", "Deleted");
        assertThat(sandbox.user("johanna.lorenz@contoso.com")).isEmpty();
        assertThat(operationsOn("johanna.lorenz")).endsWith("deleteUser", "permanentlyDeleteUser");
    }

    @Test
    void deletedThenRestored() {
        ProcessInstance instance = start("lynne.robbins", delete());
        runJobs(instance);
        assertThat(instance).isWaitingAt("restoreWindowExpired");
        passTime(instance, Duration.ofDays(29));
        assertThat(instance).isWaitingAt("restoreWindowExpired");

        runtimeService.createMessageCorrelation("RestoreUser").processInstanceBusinessKey("lynne.robbins@contoso.com")
                .correlate();
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("restoreRequested", "restoreUser", "Restored")
                .hasNotPassed("confirmPermanentDeletion");
        assertThat(tenantUser("lynne.robbins")).containsEntry("deletedAt", null).containsEntry("accountEnabled", false);
    }

    @Test
    void unknownUserIsRejected() {
        ProcessInstance instance = start("nobody", delete());
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("userNotFound", "Rejected").hasNotPassed("blockSignIn");
        assertThat(instance).variables().containsEntry("outcome", "Rejected");
        assertThat((String) historicVariable(instance, "rejectionReason")).contains("no active user nobody@contoso.com");
    }

    @Test
    void lastGlobalAdminIsRejected() {
        ProcessInstance instance = start("patti.fernandez", delete());
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("lastGlobalAdmin", "Rejected").hasNotPassed("blockSignIn");
        assertThat((String) historicVariable(instance, "rejectionReason")).contains("only global admin");
        assertThat(operationsOn("patti.fernandez")).isEmpty();
    }

    @Test
    void forwardingBlocksDeletion() {
        ProcessInstance instance = start("alex.wilber", delete());
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("applyGuidanceRules", "notAllowedByGuidance", "rejectedByGuidance",
                "Rejected").hasNotPassed("blockSignIn", "deleteUser");
        assertThat((String) historicVariable(instance, "rejectionReason")).contains("forwards mail");
        assertThat(tenantUser("alex.wilber")).containsEntry("accountEnabled", true).containsEntry("deletedAt", null);
        assertThat(operationsOn("alex.wilber")).isEmpty();
    }

    @Test
    void onPremisesSyncedUserIsDeletedInActiveDirectory() {
        ProcessInstance instance = start("lee.gu", delete());
        runJobs(instance);
        assertThat(instance).isWaitingAt("removeFromOnPremisesAd").task()
                .hasName("Remove Lee Gu from on-premises AD").hasCandidateGroup("user-admins");
        assertThat(tenantUser("lee.gu").get("deletedAt")).isNull();

        taskService.complete(task(instance).getId(), withVariables("removedFromOnPremisesAd", true));
        runJobs(instance);
        assertThat(instance).hasPassedInOrder("removeFromOnPremisesAd", "deleteUser").isWaitingAt("restoreWindowExpired");
    }

    @Test
    void licenseNotReducibleWhenBoughtThroughAPartner() {
        Decisions decisions = new Decisions("DELETE", null, null, null, null, null, null, true, true);
        ProcessInstance instance = start("isaiah.langer", decisions);
        runJobs(instance);
        assertThat(instance).hasPassed("removeLicenses", "checkLicenseReducible", "licenseCountNotReducible")
                .hasNotPassed("reduceLicenses").isWaitingAt("restoreWindowExpired");
        assertThat(runtimeVariable(instance, "licenseReductionSummary").toString()).contains("bought through a partner");
    }

    @Test
    void sharedMailboxOver50GbKeepsItsLicense() {
        ProcessInstance instance = start("nestor.wilke", convert("diego.siciliani"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("convertToSharedMailbox", "ConvertedToSharedMailbox")
                .hasNotPassed("removeLicenses");
        assertThat(tenantUser("nestor.wilke")).containsEntry("licenses", List.of("SPE_E3"));
    }

    @Test
    void alreadySharedMailboxKeptWithoutTheOptionalSteps() {
        Decisions decisions = new Decisions("CONVERT_TO_SHARED", "diego.siciliani@contoso.com", "", "", "", false,
                null, true, false);
        ProcessInstance instance = start("megan.bowen", decisions);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("convertToSharedMailbox", "grantMailboxAccess", "ConvertedToSharedMailbox")
                .hasNotPassed("renameMailbox", "setAutoReplies", "removeAliases", "removeLicenses", "grantOneDriveAccess");
        assertThat(mailbox("megan.bowen")).containsEntry("aliases", List.of("marketing@contoso.com"));
        // Her account was disabled when the mailbox became shared; its sessions are still revoked, nothing else.
        assertThat(operationsOn("megan.bowen")).containsExactly("revokeSignInSessions", "addMailboxPermission");
    }

    @Test
    void userWithoutMailboxOrOneDriveIsDeleted() {
        ProcessInstance instance = start("grady.archie", delete());
        runJobs(instance);
        assertThat(instance).hasPassed("blockSignIn", "deleteUser").hasNotPassed("backUpMailbox",
                "grantOneDriveAccess", "removeLicenses").isWaitingAt("restoreWindowExpired");
        passTime(instance, Duration.ofDays(30).plusMinutes(1));
        assertThat(instance).isEnded().hasPassed("Deleted").hasNotPassed("sendOneDriveReminder");
    }

    @Test
    void cancelledBeforeAnythingChanged() {
        ProcessInstance instance = start("diego.siciliani", null);
        runJobs(instance);
        assertThat(instance).isWaitingAt("decideOffboarding");
        runtimeService.createMessageCorrelation("CancelOffboarding").processInstanceId(instance.getId()).correlate();
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("cancelRequested", "Cancelled").hasNotPassed("unblockSignIn");
        assertThat(operationsOn("diego.siciliani")).isEmpty();
    }

    @Test
    void cancelledAfterSignInWasBlockedGivesSignInBack() {
        ProcessInstance instance = start("diego.siciliani", delete());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("lookUpUser").singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("blockSignIn").singleResult().getId());
        assertThat(tenantUser("diego.siciliani")).containsEntry("accountEnabled", false);

        runtimeService.createMessageCorrelation("CancelOffboarding").processInstanceId(instance.getId()).correlate();
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("unblockSignIn", "Cancelled").hasNotPassed("backUpMailbox");
        assertThat(tenantUser("diego.siciliani")).containsEntry("accountEnabled", true);
    }

    @Test
    void cancelIsNotPossibleOnceTheFirstDestructiveStepRuns() {
        ProcessInstance instance = start("adele.vance", convert("diego.siciliani"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("lookUpUser").singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("blockSignIn").singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("backUpMailbox").singleResult().getId());
        assertThat(instance).isWaitingAt("convertToSharedMailbox");
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation("CancelOffboarding")
                .processInstanceId(instance.getId()).correlate())
                .hasMessageContaining("CancelOffboarding");
    }

    @Test
    void aStepThatKeepsFailingBecomesAnIncidentAnAdminCanRetry() {
        ProcessInstance instance = start("adele.vance", convert("diego.siciliani"));
        // A user admin deletes the delegate while the offboarding runs: granting Full Access must fail.
        runtimeService.setVariable(instance.getId(), "mailboxDelegate", "gone@contoso.com");
        for (int attempt = 0; attempt < 7; attempt++) {
            passTime(instance, Duration.ofHours(2));
        }
        assertThat(instance).isWaitingAt("grantMailboxAccess");
        var incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("no active user gone@contoso.com").contains("retry the step");

        runtimeService.setVariable(instance.getId(), "mailboxDelegate", "diego.siciliani@contoso.com");
        managementService.setJobRetries(incident.getConfiguration(), 1);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("ConvertedToSharedMailbox");
    }

    @Test
    void aBackupThatCannotBeWrittenStopsTheOffboardingBeforeAnythingDestructive() throws Exception {
        ProcessInstance instance = start("adele.vance", delete());
        // The backup's folder cannot be created: a file of that name is in the way, as a full or broken disk would be.
        Path location = backupStore.locationOf("adele.vance@contoso.com", instance.getId());
        Files.createDirectories(location.getParent());
        Files.writeString(location, "in the way");
        for (int attempt = 0; attempt < 7; attempt++) {
            passTime(instance, Duration.ofHours(2));
        }
        assertThat(instance).isWaitingAt("backUpMailbox");
        var incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("backUpMailbox");
        assertThat(incident.getIncidentMessage()).contains("Could not write the mailbox backup")
                .contains("retry the step");
        assertThat(operationsOn("adele.vance")).containsExactly("blockSignIn", "revokeSignInSessions");
        assertThat(tenantUser("adele.vance")).containsEntry("deletedAt", null);

        Files.delete(location);
        managementService.setJobRetries(incident.getConfiguration(), 1);
        runJobs(instance);
        assertThat(instance).hasPassed("backUpMailbox", "deleteUser").isWaitingAt("restoreWindowExpired");
    }

    @Test
    void scheduledOffboardingWaitsForTheLeaveDateAndTellsTheManager() {
        java.time.LocalDate lastWorkingDay = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(10);
        ProcessInstance instance = start("adele.vance", null,
                Map.of("leaveDate", lastWorkingDay.toString(), "timeZone", "Europe/Berlin"));
        runJobs(instance);
        Date leaveAt = (Date) runtimeVariable(instance, "leaveAt");
        assertThat(leaveAt.toInstant()).isEqualTo(lastWorkingDay.atTime(18, 0)
                .atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant());
        Task decision = task(instance);
        assertThat(decision.getDueDate()).isBefore(leaveAt);

        taskService.complete(decision.getId(), withVariables("mailboxAction", "DELETE",
                "oneDriveOwner", "diego.siciliani@contoso.com"));
        runJobs(instance);
        assertThat(instance).hasPassed("leaveDateAhead", "notifyManagerAhead").isWaitingAt("leaveDateReached");
        assertThat(operationsOn("adele.vance")).isEmpty();
        assertThat(sandbox.mutations("patti.fernandez@contoso.com")).singleElement()
                .satisfies(mail -> assertThat(mail.detail()).startsWith("Offboarding scheduled: Adele Vance"));

        passTime(instance, Duration.ofDays(9));
        assertThat(instance).isWaitingAt("leaveDateReached");
        assertThat(operationsOn("adele.vance")).isEmpty();

        ClockUtil.setCurrentTime(Date.from(leaveAt.toInstant().plusSeconds(1)));
        runJobs(instance);
        assertThat(instance).hasPassedInOrder("leaveDateReached", "notifyManagerOnLeaveDate", "blockSignIn",
                "backUpMailbox", "deleteUser").isWaitingAt("restoreWindowExpired", "oneDriveReminderDue");
        assertThat(operationsOn("patti.fernandez")).containsExactly("sendMail", "sendMail");
    }

    @Test
    void aScheduledOffboardingCanBeCancelledWhileItWaits() {
        ProcessInstance instance = start("alex.wilber", convert("diego.siciliani"), Map.of("leaveDate",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString()));
        runJobs(instance);
        assertThat(instance).isWaitingAt("leaveDateReached");
        runtimeService.createMessageCorrelation("CancelOffboarding").processInstanceId(instance.getId()).correlate();
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("Cancelled").hasNotPassed("blockSignIn", "notifyManagerOnLeaveDate");
        assertThat(operationsOn("alex.wilber")).isEmpty();
    }

    @Test
    void aLeaveDateThatHasPassedBeginsAtOnce() {
        ProcessInstance instance = start("johanna.lorenz", delete(), Map.of("leaveDate",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3).toString()));
        runJobs(instance);
        assertThat(instance).hasPassed("leaveDateAhead", "blockSignIn").hasNotPassed("notifyManagerAhead")
                .isWaitingAt("restoreWindowExpired");
    }

    @Test
    void aLeaveDateThatIsNotADateOrLongPastIsRefusedAtTheStart() {
        assertThatThrownBy(() -> start("adele.vance", null, Map.of("leaveDate", "2020-01-31")))
                .hasMessageContaining("more than 366 days ago");
        assertThatThrownBy(() -> start("adele.vance", null, Map.of("leaveDate", "next friday")))
                .hasMessageContaining("leaveDate 'next friday' is not a date");
        assertThatThrownBy(() -> start("adele.vance", null, Map.of("leaveDate", "2026-12-18", "timeZone", "Mars/Olympus")))
                .hasMessageContaining("timeZone 'Mars/Olympus' is not a time zone");
    }

    @Test
    void secondOffboardingOfTheSameUserIsRefusedWhileTheFirstRuns() {
        start("adele.vance", null);
        assertThatThrownBy(() -> start("ADELE.VANCE", null)).hasMessageContaining("already being offboarded");
    }

    private Object runtimeVariable(ProcessInstance instance, String name) {
        return historicVariable(instance, name);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }
}
