package dev.offboarding.process;

/** Names of the process variables of {@code offboarding}; the contract is in PROCESS.md. */
public final class OffboardingVariables {

    private OffboardingVariables() {
    }

    public static final String PROCESS_KEY = "offboarding";

    // Start
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    public static final String REASON = "reason";
    public static final String TICKET_REFERENCE = "ticketReference";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String DECISIONS = "decisions";
    public static final String DECISIONS_GIVEN = "decisionsGiven";
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECIDED_AT = "decidedAt";
    public static final String RESTORE_WINDOW = "restoreWindow";
    /** The last working day, or the moment the offboarding begins, as the requester gave it (optional). */
    public static final String LEAVE_DATE = "leaveDate";
    /** The time zone of {@link #LEAVE_DATE} (optional; {@code offboarding.scheduling.default-time-zone}). */
    public static final String TIME_ZONE = "timeZone";
    /** When a scheduled offboarding begins (a date), or null when it begins at once. */
    public static final String LEAVE_AT = "leaveAt";
    /** {@link #LEAVE_AT} for people: "Friday 18 December 2026, 18:00 (Europe/Berlin)", or empty. */
    public static final String LEAVE_AT_TEXT = "leaveAtText";

    // Decisions
    public static final String MAILBOX_ACTION = "mailboxAction";
    public static final String MAILBOX_DELEGATE = "mailboxDelegate";
    public static final String SHARED_MAILBOX_DISPLAY_NAME = "sharedMailboxDisplayName";
    public static final String AUTO_REPLY_INTERNAL = "autoReplyInternal";
    public static final String AUTO_REPLY_EXTERNAL = "autoReplyExternal";
    public static final String REMOVE_ALIASES = "removeAliases";
    public static final String ONE_DRIVE_OWNER = "oneDriveOwner";
    public static final String REMOVE_LICENSES = "removeLicenses";
    public static final String REDUCE_LICENSE_COUNT = "reduceLicenseCount";

    // Decisions: the optional steps of the leaver checklist (off unless asked for)
    public static final String RESET_PASSWORD = "resetPassword";
    public static final String REMOVE_AUTHENTICATION_METHODS = "removeAuthenticationMethods";
    public static final String HIDE_FROM_ADDRESS_LIST = "hideFromAddressList";
    public static final String REMOVE_FROM_GROUPS = "removeFromGroups";
    public static final String REMOVE_INBOX_RULES = "removeInboxRules";
    public static final String REMOVE_MOBILE_DEVICES = "removeMobileDevices";
    public static final String CANCEL_MEETINGS = "cancelMeetings";
    public static final String REMOVE_MAILBOX_PERMISSIONS = "removeMailboxPermissions";
    /** Forward the mailbox's mail to this address (keeps the account, per the guidance); empty: leave as is. */
    public static final String FORWARD_MAIL_TO = "forwardMailTo";
    /** Stop the forwarding the mailbox has, so that the account may be deleted. */
    public static final String STOP_FORWARDING = "stopForwarding";

    /** Every decision, in the order the decision form asks for them: what the API and the report show. */
    public static final java.util.List<String> DECISION_NAMES = java.util.List.of(MAILBOX_ACTION, MAILBOX_DELEGATE,
            SHARED_MAILBOX_DISPLAY_NAME, AUTO_REPLY_INTERNAL, AUTO_REPLY_EXTERNAL, REMOVE_ALIASES, ONE_DRIVE_OWNER,
            REMOVE_LICENSES, REDUCE_LICENSE_COUNT, RESET_PASSWORD, REMOVE_AUTHENTICATION_METHODS, REMOVE_FROM_GROUPS,
            REMOVE_INBOX_RULES, REMOVE_MOBILE_DEVICES, CANCEL_MEETINGS, REMOVE_MAILBOX_PERMISSIONS,
            HIDE_FROM_ADDRESS_LIST, STOP_FORWARDING, FORWARD_MAIL_TO);

    // Set by the forms of the later tasks (reduceLicenses, removeFromOnPremisesAd)
    public static final String LICENSE_COUNT_REDUCED = "licenseCountReduced";
    public static final String LICENSE_REDUCTION_NOTE = "licenseReductionNote";
    public static final String REMOVED_FROM_ON_PREMISES_AD = "removedFromOnPremisesAd";
    public static final String AD_REMOVAL_NOTE = "adRemovalNote";

    // What lookUpUser found
    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";
    public static final String MAIL = "mail";
    public static final String ACCOUNT_ENABLED = "accountEnabled";
    public static final String ON_PREMISES_SYNC_ENABLED = "onPremisesSyncEnabled";
    public static final String ASSIGNED_SKU_IDS = "assignedSkuIds";
    public static final String ASSIGNED_LICENSES = "assignedLicenses";
    public static final String HAS_LICENSES = "hasLicenses";
    public static final String ADMIN_ROLES = "adminRoles";
    public static final String HAS_MAILBOX = "hasMailbox";
    public static final String MAILBOX_TYPE = "mailboxType";
    public static final String MAILBOX_SIZE = "mailboxSize";
    public static final String MAILBOX_SIZE_BYTES = "mailboxSizeBytes";
    public static final String MAILBOX_ITEM_COUNT = "mailboxItemCount";
    public static final String MAILBOX_OVER_50_GB = "mailboxOver50Gb";
    public static final String ARCHIVE_ENABLED = "archiveEnabled";
    public static final String LITIGATION_HOLD_ENABLED = "litigationHoldEnabled";
    public static final String FORWARDING_ENABLED = "forwardingEnabled";
    public static final String FORWARDING_ADDRESS = "forwardingAddress";
    public static final String ALIASES = "aliases";
    public static final String HAS_ONE_DRIVE = "hasOneDrive";
    public static final String ONE_DRIVE_URL = "oneDriveUrl";
    public static final String ONE_DRIVE_SIZE = "oneDriveSize";
    public static final String ONE_DRIVE_RETENTION_DAYS = "oneDriveRetentionDays";
    public static final String ORGANIZATION_NAME = "organizationName";

    // Rules and progress
    public static final String ROUTE = "route";
    public static final String KEEP_LICENSES = "keepLicenses";
    public static final String GUIDANCE_NOTE = "guidanceNote";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String SIGN_IN_BLOCKED = "signInBlocked";
    public static final String BACKUP_LOCATION = "backupLocation";
    public static final String BACKUP_MESSAGE_COUNT = "backupMessageCount";
    public static final String BACKUP_MANIFEST_SHA256 = "backupManifestSha256";
    public static final String BACKUP_VERIFIED_AT = "backupVerifiedAt";
    public static final String REMOVED_ALIASES = "removedAliases";
    public static final String ONE_DRIVE_HANDED_OVER = "oneDriveHandedOver";
    public static final String ONE_DRIVE_DEADLINE = "oneDriveDeadline";
    public static final String ONE_DRIVE_REMINDER_AT = "oneDriveReminderAt";
    public static final String REMOVED_SKU_IDS = "removedSkuIds";
    public static final String REMOVED_LICENSES = "removedLicenses";
    public static final String REDUCIBLE_LICENSES = "reducibleLicenses";
    public static final String LICENSE_REDUCTION_SUMMARY = "licenseReductionSummary";
    public static final String DELETED_AT = "deletedAt";
    public static final String RESTORE_WINDOW_ENDS_AT = "restoreWindowEndsAt";
    public static final String RESTORED_AT = "restoredAt";
    public static final String PERMANENTLY_DELETED_AT = "permanentlyDeletedAt";
    public static final String OUTCOME = "outcome";
    // What the optional steps did, for the report and the API
    public static final String REMOVED_AUTHENTICATION_METHODS = "removedAuthenticationMethods";
    public static final String REMOVED_GROUPS = "removedGroups";
    public static final String KEPT_GROUPS = "keptGroups";
    public static final String LICENSES_KEPT_BY_GROUPS = "licensesKeptByGroups";
    public static final String REMOVED_INBOX_RULES = "removedInboxRules";
    public static final String REMOVED_MOBILE_DEVICES = "removedMobileDevices";
    public static final String CANCELLED_MEETINGS = "cancelledMeetings";
    public static final String REMOVED_MAILBOX_PERMISSIONS = "removedMailboxPermissions";

    // Messages
    public static final String CANCEL_MESSAGE = "CancelOffboarding";
    public static final String RESTORE_MESSAGE = "RestoreUser";

    // Admin groups
    public static final String GLOBAL_ADMINS = "global-admins";
    public static final String USER_ADMINS = "user-admins";
    public static final String BILLING_ADMINS = "billing-admins";
}
