package dev.offboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offboarding.OffboardingSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A step that runs twice (a retry after a crash, a job executed on two nodes) must leave the tenant as one run did:
 * every delegate is run twice in a row and the whole sandbox tenant, its record of changes included, compared.
 */
@OffboardingSpringTest
class StepsAreIdempotentTest extends ProcessTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyStepOfTheSharedMailboxPathRunTwiceChangesTheTenantOnce() {
        DelegateExecution execution = FakeExecution.with("idempotent-convert", Map.of(
                "userPrincipalName", "adele.vance@contoso.com", "restoreWindow", "P30D"));
        execution.setVariables(new Decisions("CONVERT_TO_SHARED", "diego.siciliani@contoso.com", "Adele (former)",
                "Gone", "Gone for good", true, "diego.siciliani@contoso.com", true, true).toVariables());
        runTwiceEach(execution, "lookUpUser", "blockSignIn", "backUpMailbox", "convertToSharedMailbox",
                "grantMailboxAccess", "renameMailbox", "setAutoReplies", "removeAliases", "grantOneDriveAccess",
                "removeLicenses", "checkLicenseReducible");
        assertThat(operationsOn("adele.vance")).containsExactly("blockSignIn", "revokeSignInSessions",
                "convertToSharedMailbox", "addMailboxPermission", "setDisplayName", "setMailboxAutoReplyConfiguration",
                "removeAlias", "removeAlias", "grantOneDriveAccess", "removeLicense");
        assertThat(operationsOn("diego.siciliani")).containsExactly("sendMail");
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
    }

    @Test
    void unblockingSignInTwiceEnablesTheAccountOnce() {
        DelegateExecution execution = FakeExecution.with("idempotent-cancel", Map.of(
                "userPrincipalName", "diego.siciliani@contoso.com", "restoreWindow", "P30D"));
        runTwiceEach(execution, "lookUpUser", "blockSignIn", "unblockSignIn");
        assertThat(operationsOn("diego.siciliani")).containsExactly("blockSignIn", "revokeSignInSessions",
                "unblockSignIn");
    }

    private void runTwiceEach(DelegateExecution execution, String... steps) {
        for (String step : steps) {
            JavaDelegate delegate = context.getBean(step + "Delegate", JavaDelegate.class);
            run(delegate, execution);
            List<Map<String, Object>> tenantAfterOnce = sandbox.users();
            int changesAfterOnce = sandbox.mutations(null).size();
            run(delegate, execution);
            assertThat(sandbox.users()).as("tenant after running %s twice", step).isEqualTo(tenantAfterOnce);
            assertThat(sandbox.mutations(null)).as("changes recorded after running %s twice", step)
                    .hasSize(changesAfterOnce);
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
