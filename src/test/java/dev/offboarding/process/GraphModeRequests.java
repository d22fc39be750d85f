package dev.offboarding.process;

import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.ADELE_ID;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.AUTHENTICATOR;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.DIEGO;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.EVENTS;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.INBOX_RULE;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.MEETING;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.MEMBER_OF;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.MOBILE_PHONE;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.RETAIL_MANAGERS;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.SERIES;
import static dev.offboarding.tenant.graph.FakeMicrosoft365.VISIO_USERS;

import java.util.ArrayList;
import java.util.List;

/**
 * What each step of the process sends to Microsoft 365 when it offboards Adele Vance from {@code FakeMicrosoft365}, in
 * the words of {@code FakeMicrosoft365.requests()}: "METHOD path?query" for Graph, "POST InvokeCommand Cmdlet" for
 * Exchange Online. The graph-mode tests put them together in the order the model runs the steps.
 */
final class GraphModeRequests {

    private static final String DRIVE = "/drives/b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7";
    private static final String DRIVE_ROOT = DRIVE + "/items/01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ";

    private GraphModeRequests() {
    }

    /** The checks of {@code POST /api/offboardings}: the leaver and each user named in the decisions exist. */
    static List<String> startChecks(String... userPrincipalNames) {
        return java.util.Arrays.stream(userPrincipalNames).map(upn -> "GET /users/" + upn + "?$select=id").toList();
    }

    static List<String> lookUpUser() {
        return List.of(
                "GET /users/" + ADELE + "?$select=id,userPrincipalName,displayName,mail,accountEnabled,onPremisesSyncEnabled,assignedLicenses,proxyAddresses",
                "GET /users/" + ADELE_ID + "/memberOf/microsoft.graph.directoryRole?$count=true&$select=displayName,roleTemplateId",
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Get-MailboxStatistics",
                "GET /users/" + ADELE + "/drive?$select=id,webUrl,quota",
                "GET /directory/subscriptions",
                "GET /subscribedSkus",
                "GET /organization?$select=displayName",
                "GET /admin/sharepoint/settings");
    }

    static List<String> blockSignIn() {
        return List.of(
                "GET /users/" + ADELE_ID + "?$select=id,accountEnabled",
                "PATCH /users/" + ADELE_ID,
                "POST /users/" + ADELE_ID + "/revokeSignInSessions");
    }

    /**
     * The folders, then page by page each message's MIME (never a whole mailbox in memory), then the folders again to
     * compare the counts.
     */
    static List<String> backUpMailbox() {
        return List.of(
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
                "GET /users/" + ADELE + "/mailFolders/AQMkADYAAAIBDAAAAA==/childFolders?includeHiddenFolders=true&$top=100");
    }

    /** Access for Diego Siciliani, and the mail to him. */
    static List<String> grantOneDriveAccess() {
        return List.of(
                "GET /users/" + ADELE + "/drive?$select=id,webUrl,quota",
                "GET " + DRIVE + "/root?$select=id",
                "GET /users/" + DIEGO + "?$select=id",
                "GET " + DRIVE_ROOT + "/permissions",
                "POST " + DRIVE_ROOT + "/invite",
                "GET /admin/sharepoint/settings",
                "POST /users/offboarding@contoso.com/sendMail");
    }

    /** Converts, then polls until Exchange reports a shared mailbox: the stand-in needs two looks. */
    static List<String> convertToSharedMailbox() {
        return List.of(
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Set-Mailbox",
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Get-Mailbox");
    }

    static List<String> grantMailboxAccess() {
        return List.of("POST InvokeCommand Get-MailboxPermission", "POST InvokeCommand Add-MailboxPermission");
    }

    static List<String> renameMailbox() {
        return List.of("GET /users/" + ADELE + "?$select=id,displayName", "PATCH /users/" + ADELE);
    }

    static List<String> setAutoReplies() {
        return List.of("POST InvokeCommand Set-MailboxAutoReplyConfiguration");
    }

    static List<String> removeAliases() {
        return List.of("POST InvokeCommand Get-Mailbox", "POST InvokeCommand Set-Mailbox");
    }

    /** The groups first: the user leaves the groups that give licenses, then the licenses assigned directly go. */
    static List<String> removeLicenses() {
        return List.of(
                "GET /users/" + ADELE_ID + MEMBER_OF,
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,licenseAssignmentStates",
                "POST /users/" + ADELE_ID + "/assignLicense");
    }

    // The optional steps of the leaver checklist, against FakeMicrosoft365.leaverChecklist().

    static List<String> resetPassword() {
        return List.of("PATCH /users/" + ADELE_ID);
    }

    /** The password is left; the phone goes last. */
    static List<String> removeAuthenticationMethods() {
        return List.of(
                "GET /users/" + ADELE_ID + "/authentication/methods",
                "DELETE /users/" + ADELE_ID + "/authentication/microsoftAuthenticatorMethods/" + AUTHENTICATOR,
                "DELETE /users/" + ADELE_ID + "/authentication/phoneMethods/" + MOBILE_PHONE);
    }

    /** Out of the security group through Graph and the distribution list through Exchange; the others stay. */
    static List<String> removeFromGroups() {
        return List.of(
                "GET /users/" + ADELE_ID + MEMBER_OF,
                "DELETE /groups/" + RETAIL_MANAGERS + "/members/" + ADELE_ID + "/$ref",
                "POST InvokeCommand Remove-DistributionGroupMember");
    }

    static List<String> hideFromAddressList() {
        return List.of("POST InvokeCommand Get-Mailbox", "POST InvokeCommand Set-Mailbox");
    }

    static List<String> setMailForwarding() {
        return List.of("POST InvokeCommand Get-Mailbox", "POST InvokeCommand Set-Mailbox");
    }

    static List<String> removeInboxRules() {
        return List.of(
                "GET /users/" + ADELE + "/mailFolders/inbox/messageRules",
                "DELETE /users/" + ADELE + "/mailFolders/inbox/messageRules/" + INBOX_RULE);
    }

    static List<String> removeMobileDevices() {
        return List.of("POST InvokeCommand Get-MobileDevice", "POST InvokeCommand Remove-MobileDevice");
    }

    static List<String> cancelMeetings() {
        return List.of(
                "GET /users/" + ADELE + EVENTS,
                "POST /users/" + ADELE + "/events/" + MEETING + "/cancel",
                "POST /users/" + ADELE + "/events/" + SERIES + "/cancel");
    }

    /**
     * Every mailbox, then each one's permissions for the leaver, then Send As by trustee; each right is read again
     * right before it is removed.
     */
    static List<String> removeMailboxPermissions() {
        return List.of(
                "POST InvokeCommand Get-Mailbox",
                "POST InvokeCommand Get-MailboxPermission",
                "POST InvokeCommand Get-MailboxPermission",
                "POST InvokeCommand Get-RecipientPermission",
                "POST InvokeCommand Get-MailboxPermission",
                "POST InvokeCommand Remove-MailboxPermission",
                "POST InvokeCommand Get-RecipientPermission",
                "POST InvokeCommand Remove-RecipientPermission");
    }

    /** With the checklist's groups: out of the group that gives Visio; the dynamic group gives none. */
    static List<String> removeLicensesAndTheGroupsThatGiveThem() {
        return List.of(
                "GET /users/" + ADELE_ID + MEMBER_OF,
                "DELETE /groups/" + VISIO_USERS + "/members/" + ADELE_ID + "/$ref",
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,licenseAssignmentStates",
                "POST /users/" + ADELE_ID + "/assignLicense");
    }

    static List<String> deleteUser() {
        return List.of(
                "GET /users/" + ADELE_ID + "?$select=id,userPrincipalName,onPremisesSyncEnabled",
                "DELETE /users/" + ADELE_ID,
                "GET /directory/deletedItems/" + ADELE_ID);
    }

    /** A week before the OneDrive is deleted, capped at the restore window. */
    static List<String> sendOneDriveReminder() {
        return List.of("POST /users/offboarding@contoso.com/sendMail");
    }

    static List<String> confirmPermanentDeletion() {
        return List.of(
                "GET /directory/deletedItems/" + ADELE_ID,
                "GET /users/" + ADELE_ID + "?$select=id",
                "DELETE /directory/deletedItems/" + ADELE_ID);
    }

    /** Decisions DELETE with the OneDrive for Diego Siciliani: from the look-up to the confirmed deletion. */
    static List<String> deletePath() {
        return concat(lookUpUser(), blockSignIn(), backUpMailbox(), grantOneDriveAccess(), removeLicenses(),
                deleteUser(), sendOneDriveReminder(), confirmPermanentDeletion());
    }

    /**
     * Decisions CONVERT_TO_SHARED for Diego Siciliani with a new name, automatic replies and the aliases removed: the
     * licenses go last, once Exchange reports the shared mailbox.
     */
    static List<String> convertPath() {
        return concat(lookUpUser(), blockSignIn(), backUpMailbox(), convertToSharedMailbox(), grantMailboxAccess(),
                renameMailbox(), setAutoReplies(), removeAliases(), removeLicenses());
    }

    /**
     * Decisions CONVERT_TO_SHARED for Diego Siciliani with every step of the leaver checklist, forwarding to Diego: the
     * checklist after the backup, in the order of the model, and before the conversion.
     */
    static List<String> checklistConvertPath() {
        return concat(lookUpUser(), blockSignIn(), backUpMailbox(), resetPassword(), removeAuthenticationMethods(),
                removeFromGroups(), hideFromAddressList(), setMailForwarding(), removeInboxRules(), removeMobileDevices(),
                cancelMeetings(), removeMailboxPermissions(), convertToSharedMailbox(), grantMailboxAccess(),
                removeAliases(), removeLicensesAndTheGroupsThatGiveThem());
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
