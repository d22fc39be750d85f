package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_EXTERNAL;
import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_INTERNAL;
import static dev.offboarding.process.OffboardingVariables.CANCEL_MEETINGS;
import static dev.offboarding.process.OffboardingVariables.FORWARD_MAIL_TO;
import static dev.offboarding.process.OffboardingVariables.HIDE_FROM_ADDRESS_LIST;
import static dev.offboarding.process.OffboardingVariables.REMOVE_AUTHENTICATION_METHODS;
import static dev.offboarding.process.OffboardingVariables.REMOVE_FROM_GROUPS;
import static dev.offboarding.process.OffboardingVariables.REMOVE_INBOX_RULES;
import static dev.offboarding.process.OffboardingVariables.REMOVE_MAILBOX_PERMISSIONS;
import static dev.offboarding.process.OffboardingVariables.REMOVE_MOBILE_DEVICES;
import static dev.offboarding.process.OffboardingVariables.RESET_PASSWORD;
import static dev.offboarding.process.OffboardingVariables.STOP_FORWARDING;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_ACTION;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_DELEGATE;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_OWNER;
import static dev.offboarding.process.OffboardingVariables.REDUCE_LICENSE_COUNT;
import static dev.offboarding.process.OffboardingVariables.REMOVE_ALIASES;
import static dev.offboarding.process.OffboardingVariables.REMOVE_LICENSES;
import static dev.offboarding.process.OffboardingVariables.SHARED_MAILBOX_DISPLAY_NAME;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The admin's decisions about one offboarding, given in the decision form or at the start (PROCESS.md).
 * {@code mailboxAction} stays a string here so that a wrong value gets a clear message rather than a parse error.
 *
 * <p>The fields after {@code reduceLicenseCount} are the optional steps of the leaver checklist. Each is off unless
 * asked for, so a caller that knows only the decisions of PROCESS.md gets exactly those; the decision form suggests
 * them ticked.
 */
public record Decisions(
        String mailboxAction,
        String mailboxDelegate,
        String sharedMailboxDisplayName,
        String autoReplyInternal,
        String autoReplyExternal,
        Boolean removeAliases,
        String oneDriveOwner,
        Boolean removeLicenses,
        Boolean reduceLicenseCount,
        Boolean resetPassword,
        Boolean removeAuthenticationMethods,
        Boolean hideFromAddressList,
        Boolean removeFromGroups,
        Boolean removeInboxRules,
        Boolean removeMobileDevices,
        Boolean cancelMeetings,
        Boolean removeMailboxPermissions,
        String forwardMailTo,
        Boolean stopForwarding) {

    /** The decisions of PROCESS.md alone, none of the optional steps. */
    public Decisions(String mailboxAction, String mailboxDelegate, String sharedMailboxDisplayName,
                     String autoReplyInternal, String autoReplyExternal, Boolean removeAliases, String oneDriveOwner,
                     Boolean removeLicenses, Boolean reduceLicenseCount) {
        this(mailboxAction, mailboxDelegate, sharedMailboxDisplayName, autoReplyInternal, autoReplyExternal,
                removeAliases, oneDriveOwner, removeLicenses, reduceLicenseCount, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The same decisions without what only a shared mailbox uses: for an account that is deleted. */
    public Decisions withoutSharedMailboxFields() {
        return new Decisions(mailboxAction, null, null, null, null, removeAliases, oneDriveOwner, removeLicenses,
                reduceLicenseCount, resetPassword, removeAuthenticationMethods, hideFromAddressList, removeFromGroups,
                removeInboxRules, removeMobileDevices, cancelMeetings, removeMailboxPermissions, forwardMailTo,
                stopForwarding);
    }

    /** The decisions as process variables, with the contract's defaults for what was left out. */
    public Map<String, Object> toVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(MAILBOX_ACTION, trimmed(mailboxAction));
        variables.put(MAILBOX_DELEGATE, lowerCase(mailboxDelegate));
        variables.put(SHARED_MAILBOX_DISPLAY_NAME, trimmed(sharedMailboxDisplayName));
        variables.put(AUTO_REPLY_INTERNAL, trimmed(autoReplyInternal));
        variables.put(AUTO_REPLY_EXTERNAL, trimmed(autoReplyExternal));
        variables.put(REMOVE_ALIASES, removeAliases == null || removeAliases);
        variables.put(ONE_DRIVE_OWNER, lowerCase(oneDriveOwner));
        variables.put(REMOVE_LICENSES, removeLicenses == null || removeLicenses);
        variables.put(REDUCE_LICENSE_COUNT, reduceLicenseCount != null && reduceLicenseCount);
        variables.put(RESET_PASSWORD, on(resetPassword));
        variables.put(REMOVE_AUTHENTICATION_METHODS, on(removeAuthenticationMethods));
        variables.put(HIDE_FROM_ADDRESS_LIST, on(hideFromAddressList));
        variables.put(REMOVE_FROM_GROUPS, on(removeFromGroups));
        variables.put(REMOVE_INBOX_RULES, on(removeInboxRules));
        variables.put(REMOVE_MOBILE_DEVICES, on(removeMobileDevices));
        variables.put(CANCEL_MEETINGS, on(cancelMeetings));
        variables.put(REMOVE_MAILBOX_PERMISSIONS, on(removeMailboxPermissions));
        variables.put(FORWARD_MAIL_TO, lowerCase(forwardMailTo));
        variables.put(STOP_FORWARDING, on(stopForwarding));
        return variables;
    }

    /** Reads the decisions from variables as a form or a caller left them: missing or oddly typed values allowed. */
    public static Decisions fromVariables(VariableScope scope) {
        return new Decisions(text(scope, MAILBOX_ACTION), text(scope, MAILBOX_DELEGATE),
                text(scope, SHARED_MAILBOX_DISPLAY_NAME), text(scope, AUTO_REPLY_INTERNAL),
                text(scope, AUTO_REPLY_EXTERNAL), flag(scope, REMOVE_ALIASES), text(scope, ONE_DRIVE_OWNER),
                flag(scope, REMOVE_LICENSES), flag(scope, REDUCE_LICENSE_COUNT), flag(scope, RESET_PASSWORD),
                flag(scope, REMOVE_AUTHENTICATION_METHODS), flag(scope, HIDE_FROM_ADDRESS_LIST),
                flag(scope, REMOVE_FROM_GROUPS), flag(scope, REMOVE_INBOX_RULES), flag(scope, REMOVE_MOBILE_DEVICES),
                flag(scope, CANCEL_MEETINGS), flag(scope, REMOVE_MAILBOX_PERMISSIONS), text(scope, FORWARD_MAIL_TO),
                flag(scope, STOP_FORWARDING));
    }

    private static boolean on(Boolean flag) {
        return flag != null && flag;
    }

    public boolean convertsToShared() {
        return MailboxAction.CONVERT_TO_SHARED.name().equals(trimmed(mailboxAction));
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value == null || value.toString().isBlank() ? null : Boolean.valueOf(value.toString().trim());
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    static String lowerCase(String value) {
        return trimmed(value).toLowerCase(java.util.Locale.ROOT);
    }
}
