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
    static final String EXCHANGE = "the Office 365 Exchange Online application permission Exchange.ManageAsApp and "
            + "the Microsoft Entra role Exchange Administrator for the app";
}
