package dev.offboarding.tenant.graph;

/** The application permissions (and Exchange role) each call needs; named in a 403's message and in the docs. */
final class GraphPermissions {

    private GraphPermissions() {
    }

    static final String READ_USERS = "the Microsoft Graph application permission User.Read.All";
    static final String WRITE_USERS = "the Microsoft Graph application permission User.ReadWrite.All (for an admin "
            + "user also a Microsoft Entra admin role for the app)";
    /** {@code accountEnabled}: Microsoft's docs of "Update user" name this pair as the least privileged. */
    static final String ENABLE_DISABLE_ACCOUNT = "the Microsoft Graph application permissions "
            + "User.EnableDisableAccount.All and User.Read.All (least privileged; the broader User.ReadWrite.All also "
            + "allows it) and, for an admin user, a Microsoft Entra admin role for the app";
    /** Microsoft's docs of revokeSignInSessions name User.RevokeSessions.All as the least privileged. */
    static final String REVOKE_SESSIONS = "the Microsoft Graph application permission User.RevokeSessions.All (least "
            + "privileged; the broader User.ReadWrite.All or Directory.ReadWrite.All also allow it)";
    static final String DELETE_RESTORE = "the Microsoft Graph application permission User.DeleteRestore.All (or "
            + "User.ReadWrite.All)";
    static final String READ_MEMBER_OF = "the Microsoft Graph application permission Directory.Read.All";
    static final String READ_ROLES = "the Microsoft Graph application permission RoleManagement.Read.Directory";
    static final String READ_ORGANIZATION = "the Microsoft Graph application permission Organization.Read.All";
    static final String ASSIGN_LICENSES = "the Microsoft Graph application permission LicenseAssignment.ReadWrite.All";
    static final String READ_MAIL = "the Microsoft Graph application permission Mail.Read";
    static final String SEND_MAIL = "the Microsoft Graph application permission Mail.Send";
    static final String READ_FILES = "the Microsoft Graph application permission Files.Read.All";
    static final String SHARE_FILES = "the Microsoft Graph application permission Files.ReadWrite.All";
    static final String READ_SHAREPOINT_SETTINGS = "the Microsoft Graph application permission "
            + "SharePointTenantSettings.Read.All";
    /**
     * {@code passwordProfile}: Microsoft names User-PasswordProfile.ReadWrite.All the least privileged permission for
     * it; app-only, the app also needs an admin role that may reset this user's password.
     */
    static final String RESET_PASSWORD = "the Microsoft Graph application permission User-PasswordProfile.ReadWrite.All "
            + "(least privileged; the broader User.ReadWrite.All or Directory.ReadWrite.All also allow it) and a "
            + "Microsoft Entra role for the app that may reset the user's password (User Administrator; Privileged "
            + "Authentication Administrator for an admin user)";
    static final String READ_AUTHENTICATION_METHODS = "the Microsoft Graph application permission "
            + "UserAuthenticationMethod.Read.All (or UserAuthenticationMethod.ReadWrite.All)";
    static final String WRITE_AUTHENTICATION_METHODS = "the Microsoft Graph application permission "
            + "UserAuthenticationMethod.ReadWrite.All";
    /** Removing a member: GroupMember.ReadWrite.All is the least privileged; a role-assignable group needs more. */
    static final String WRITE_GROUP_MEMBERS = "the Microsoft Graph application permission GroupMember.ReadWrite.All "
            + "(least privileged; the broader Group.ReadWrite.All or Directory.ReadWrite.All also allow it; a "
            + "role-assignable group also needs RoleManagement.ReadWrite.Directory)";
    static final String READ_MAILBOX_SETTINGS = "the Microsoft Graph application permission MailboxSettings.Read (or "
            + "MailboxSettings.ReadWrite)";
    static final String WRITE_MAILBOX_SETTINGS = "the Microsoft Graph application permission MailboxSettings.ReadWrite";
    static final String READ_CALENDARS = "the Microsoft Graph application permission Calendars.ReadBasic (least "
            + "privileged; Calendars.Read or Calendars.ReadWrite also allow it)";
    static final String WRITE_CALENDARS = "the Microsoft Graph application permission Calendars.ReadWrite";
    static final String EXCHANGE = "the Office 365 Exchange Online application permission Exchange.ManageAsApp and "
            + "the Microsoft Entra role Exchange Administrator for the app";
    /**
     * Remove-DistributionGroupMember with BypassSecurityGroupManagerCheck: Exchange asks for Organization Management
     * or the Security Group Creation and Membership role, which Exchange Recipient Administrator does not give.
     */
    static final String EXCHANGE_GROUP_MEMBERS = "the Office 365 Exchange Online application permission "
            + "Exchange.ManageAsApp and the Microsoft Entra role Exchange Administrator for the app (removing members "
            + "of groups the app does not manage needs Exchange's Security Group Creation and Membership role, which "
            + "Exchange Recipient Administrator lacks)";
}
