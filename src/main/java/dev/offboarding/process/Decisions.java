package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_EXTERNAL;
import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_INTERNAL;
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
        Boolean reduceLicenseCount) {

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
        return variables;
    }

    /** Reads the decisions from variables as a form or a caller left them: missing or oddly typed values allowed. */
    public static Decisions fromVariables(VariableScope scope) {
        return new Decisions(text(scope, MAILBOX_ACTION), text(scope, MAILBOX_DELEGATE),
                text(scope, SHARED_MAILBOX_DISPLAY_NAME), text(scope, AUTO_REPLY_INTERNAL),
                text(scope, AUTO_REPLY_EXTERNAL), flag(scope, REMOVE_ALIASES), text(scope, ONE_DRIVE_OWNER),
                flag(scope, REMOVE_LICENSES), flag(scope, REDUCE_LICENSE_COUNT));
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
