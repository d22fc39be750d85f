package dev.offboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.offboarding.OffboardingSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A step that runs twice (a retry after a crash, a job executed on two nodes) must leave the tenant as one run did:
 * every delegate is run twice in a row and the whole sandbox tenant, its record of changes included, compared. The
 * changes the offboarding records for its audit report ({@link TenantChanges}) are recorded once too.
 */
@OffboardingSpringTest
class StepsAreIdempotentTest extends ProcessTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    TenantChanges changes;

    @Test
    void everyStepOfTheSharedMailboxPathRunTwiceChangesTheTenantOnce() {
        DelegateExecution execution = FakeExecution.with("idempotent-convert", Map.of(
                "userPrincipalName", "adele.vance@contoso.com", "restoreWindow", "P30D"));
        execution.setVariables(new Decisions("CONVERT_TO_SHARED", "diego.siciliani@contoso.com", "Adele (former)",
                "Gone", "Gone for good", true, "diego.siciliani@contoso.com", true, true, true, true, true, true, true,
                true, true, true, "diego.siciliani@contoso.com", false).toVariables());
        runTwiceEach(execution, "lookUpUser", "blockSignIn", "backUpMailbox", "resetPassword",
                "removeAuthenticationMethods", "removeFromGroups", "hideFromAddressList", "setMailForwarding",
                "removeInboxRules", "removeMobileDevices", "cancelMeetings", "removeMailboxPermissions",
                "convertToSharedMailbox", "grantMailboxAccess", "renameMailbox", "setAutoReplies", "removeAliases",
                "grantOneDriveAccess", "removeLicenses", "checkLicenseReducible");
        assertThat(operationsOn("adele.vance")).containsExactly("blockSignIn", "revokeSignInSessions",
                "resetPassword", "removeAuthenticationMethod", "removeAuthenticationMethod", "removeGroupMember",
                "removeGroupMember", "removeGroupMember", "hideFromAddressLists", "setForwarding", "removeInboxRule",
                "removeInboxRule", "removeMobileDevice", "cancelMeeting", "cancelMeeting", "removeMailboxPermission",
                "removeMailboxPermission", "convertToSharedMailbox", "addMailboxPermission", "setDisplayName",
                "setMailboxAutoReplyConfiguration", "removeAlias", "removeAlias", "grantOneDriveAccess",
                "removeGroupMember", "removeLicense");
        assertThat(operationsOn("diego.siciliani")).containsExactly("sendMail");
        assertThat(changes.of("idempotent-convert")).extracting(TenantChanges.TenantChange::step,
                TenantChanges.TenantChange::change).containsExactly(
                tuple("blockSignIn", "Sign-in blocked and sessions revoked"),
                tuple("resetPassword", "Password reset to a random one nobody knows; it must be changed at the next sign-in"),
                tuple("removeAuthenticationMethods", "Authentication method removed: Microsoft Authenticator"),
                tuple("removeAuthenticationMethods", "Authentication method removed: phone"),
                tuple("removeFromGroups", "Removed from the group Finance approvers"),
                tuple("removeFromGroups", "Removed from the group Retail team"),
                tuple("removeFromGroups", "Removed from the group Store managers"),
                tuple("hideFromAddressList", "Hidden from the global address list"),
                tuple("setMailForwarding", "Mail forwarded to diego.siciliani@contoso.com, a copy stays in the mailbox"),
                tuple("removeInboxRules", "Inbox rule removed: Forward invoices to Diego"),
                tuple("removeInboxRules", "Inbox rule removed: Newsletters to Archive"),
                tuple("removeMobileDevices", "Mobile device removed: Adele's iPhone 15"),
                tuple("cancelMeetings", "Meeting cancelled: Weekly retail sync (series)"),
                tuple("cancelMeetings", "Meeting cancelled: Store opening in Lyon: final check"),
                tuple("removeMailboxPermissions", "Right removed: FullAccess on megan.bowen@contoso.com"),
                tuple("removeMailboxPermissions", "Right removed: SendAs on megan.bowen@contoso.com"),
                tuple("convertToSharedMailbox", "Mailbox converted to a shared mailbox"),
                tuple("grantMailboxAccess", "Full Access for diego.siciliani@contoso.com"),
                tuple("renameMailbox", "Mailbox renamed"),
                tuple("setAutoReplies", "Automatic replies turned on"),
                tuple("removeAliases", "Aliases removed"),
                tuple("grantOneDriveAccess", "OneDrive shared with diego.siciliani@contoso.com"),
                tuple("grantOneDriveAccess", "Mail sent to diego.siciliani@contoso.com"),
                tuple("removeLicenses", "Removed from the group Visio users, which gave licenses"),
                tuple("removeLicenses", "Licenses removed"));
        assertThat(execution.getVariable("removedGroups")).isEqualTo("Finance approvers, Retail team, Store managers");
        assertThat(execution.getVariable("keptGroups")).isEqualTo("All Contoso (dynamic: its membership rule decides); "
                + "Visio users (gives licenses: handled with the licenses)");
        assertThat(execution.getVariable("cancelledMeetings"))
                .isEqualTo("Weekly retail sync (series), Store opening in Lyon: final check");
        assertThat(changes.of("idempotent-convert")).extracting(TenantChanges.TenantChange::detail)
                .contains("Adele (former)", "inside and outside the organization", "Microsoft 365 E3, Visio Plan 2");
        // The second run found no aliases left; the first run's detail stays.
        assertThat(changes.of("idempotent-convert")).filteredOn(change -> change.step().equals("removeAliases"))
                .singleElement().extracting(TenantChanges.TenantChange::detail).asString()
                .contains("adele@contoso.com", "a.vance@contoso.com");
    }

    @Test
    void everyStepOfTheDeletionPathRunTwiceChangesTheTenantOnce() {
        DelegateExecution execution = FakeExecution.with("idempotent-delete", Map.of(
                "userPrincipalName", "lynne.robbins@contoso.com", "restoreWindow", "P30D"));
        execution.setVariables(new Decisions("DELETE", null, null, null, null, null, "diego.siciliani@contoso.com",
                true, false).toVariables());
        runTwiceEach(execution, "lookUpUser", "blockSignIn", "backUpMailbox", "grantOneDriveAccess", "removeLicenses",
                "deleteUser", "sendOneDriveReminder", "restoreUser", "deleteUser", "confirmPermanentDeletion");
        assertThat(operationsOn("lynne.robbins")).containsExactly("blockSignIn", "revokeSignInSessions",
                "grantOneDriveAccess", "removeLicense", "deleteUser", "restoreUser", "deleteUser",
                "permanentlyDeleteUser");
        assertThat(operationsOn("diego.siciliani")).containsExactly("sendMail", "sendMail");
        // A step is recorded once per offboarding: deleteUser's second appearance here (never in the model, where
        // a restore ends the offboarding) is taken for a rerun of the first.
        assertThat(changes.of("idempotent-delete")).extracting(TenantChanges.TenantChange::change).containsExactly(
                "Sign-in blocked and sessions revoked", "OneDrive shared with diego.siciliani@contoso.com",
                "Mail sent to diego.siciliani@contoso.com", "Licenses removed", "Account deleted",
                "Mail sent to diego.siciliani@contoso.com", "Account restored", "Account deleted for good");
    }

    @Test
    void unblockingSignInTwiceEnablesTheAccountOnce() {
        DelegateExecution execution = FakeExecution.with("idempotent-cancel", Map.of(
                "userPrincipalName", "diego.siciliani@contoso.com", "restoreWindow", "P30D"));
        runTwiceEach(execution, "lookUpUser", "blockSignIn", "unblockSignIn");
        assertThat(operationsOn("diego.siciliani")).containsExactly("blockSignIn", "revokeSignInSessions",
                "unblockSignIn");
        assertThat(changes.of("idempotent-cancel")).extracting(TenantChanges.TenantChange::change)
                .containsExactly("Sign-in blocked and sessions revoked", "Sign-in unblocked");
    }

    @Test
    void aChangeIsRecordedInTheStepsTransactionSoAFailedStepLeavesNone() {
        DelegateExecution execution = FakeExecution.with("rolled-back", Map.of());
        FakeExecution.moveTo(execution, "blockSignIn");
        CommandExecutor engine = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        assertThatThrownBy(() -> engine.execute(commandContext -> {
            changes.record(execution, "Sign-in blocked and sessions revoked");
            throw new IllegalStateException("the step fails after its tenant call");
        })).hasMessageContaining("fails after its tenant call");
        assertThat(changes.of("rolled-back")).isEmpty();

        engine.execute(commandContext -> {
            changes.record(execution, "Sign-in blocked and sessions revoked");
            return null;
        });
        assertThat(changes.of("rolled-back")).extracting(TenantChanges.TenantChange::change)
                .containsExactly("Sign-in blocked and sessions revoked");
    }

    private void runTwiceEach(DelegateExecution execution, String... steps) {
        for (String step : steps) {
            JavaDelegate delegate = context.getBean(step + "Delegate", JavaDelegate.class);
            FakeExecution.moveTo(execution, step);
            run(delegate, execution);
            List<Map<String, Object>> tenantAfterOnce = sandbox.users();
            int changesAfterOnce = sandbox.mutations(null).size();
            List<TenantChanges.TenantChange> reportedAfterOnce = changes.of(execution.getProcessInstanceId());
            run(delegate, execution);
            assertThat(sandbox.users()).as("tenant after running %s twice", step).isEqualTo(tenantAfterOnce);
            assertThat(sandbox.mutations(null)).as("changes recorded after running %s twice", step)
                    .hasSize(changesAfterOnce);
            assertThat(changes.of(execution.getProcessInstanceId()))
                    .as("changes recorded for the report after running %s twice", step).isEqualTo(reportedAfterOnce);
        }
    }

    private static void run(JavaDelegate delegate, DelegateExecution execution) {
        try {
            delegate.execute(execution);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
