package dev.offboarding.process;

import dev.offboarding.tenant.Directory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What makes a set of decisions consistent. The same rules guard the REST API, the start with decisions and the
 * decision form, so an admin gets the same answer wherever they decide.
 */
@Component
public class DecisionRules {

    /**
     * A user principal name: {@code name@domain.tld}, with the characters Microsoft Entra ID allows before the {@code @}
     * (letters, digits and {@code ' . - _ ! # ^ ~}).
     */
    public static final Pattern USER_PRINCIPAL_NAME =
            Pattern.compile("^[A-Za-z0-9'._!#^~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    public static final int MAX_UPN_LENGTH = 113;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;
    public static final int MAX_AUTO_REPLY_LENGTH = 4000;

    private final Directory directory;

    public DecisionRules(Directory directory) {
        this.directory = directory;
    }

    public static boolean isUserPrincipalName(String value) {
        return value != null && value.length() <= MAX_UPN_LENGTH && USER_PRINCIPAL_NAME.matcher(value).matches();
    }

    /** Problems with the decisions themselves, without asking the tenant. Empty when they are consistent. */
    public static List<String> structuralProblems(Decisions decisions, String leaverUserPrincipalName) {
        List<String> problems = new ArrayList<>();
        String action = Decisions.trimmed(decisions.mailboxAction());
        String leaver = Decisions.lowerCase(leaverUserPrincipalName);
        if (action.isEmpty()) {
            problems.add("mailboxAction is required: CONVERT_TO_SHARED keeps the mail as a shared mailbox, DELETE deletes the account.");
        } else if (Arrays.stream(MailboxAction.values()).noneMatch(a -> a.name().equals(action))) {
            problems.add("mailboxAction must be CONVERT_TO_SHARED or DELETE, not '" + printable(action) + "'.");
        }
        String delegate = Decisions.lowerCase(decisions.mailboxDelegate());
        if (decisions.convertsToShared()) {
            if (delegate.isEmpty()) {
                problems.add("A shared mailbox needs a delegate: mailboxDelegate is required with CONVERT_TO_SHARED.");
            }
        } else if (MailboxAction.DELETE.name().equals(action)) {
            for (String field : convertOnlyFieldsGiven(decisions)) {
                problems.add(field + " only applies when the mailbox is kept (CONVERT_TO_SHARED), not with DELETE.");
            }
        }
        checkUser(problems, "mailboxDelegate", delegate, leaver, "get Full Access to their own mailbox");
        checkUser(problems, "oneDriveOwner", Decisions.lowerCase(decisions.oneDriveOwner()), leaver,
                "be the new owner of their own OneDrive");
        String forwardTo = Decisions.lowerCase(decisions.forwardMailTo());
        if (!forwardTo.isEmpty()) {
            if (MailboxAction.DELETE.name().equals(action)) {
                problems.add("forwardMailTo keeps the account: the guidance forbids deleting an account that forwards "
                        + "mail. Choose CONVERT_TO_SHARED, or leave forwardMailTo empty.");
            }
            if (Boolean.TRUE.equals(decisions.stopForwarding())) {
                problems.add("Choose either forwardMailTo (forward the mail) or stopForwarding (stop it), not both.");
            }
            checkUser(problems, "forwardMailTo", forwardTo, leaver, "receive their own forwarded mail");
        }
        checkText(problems, "sharedMailboxDisplayName", decisions.sharedMailboxDisplayName(), MAX_DISPLAY_NAME_LENGTH);
        checkText(problems, "autoReplyInternal", decisions.autoReplyInternal(), MAX_AUTO_REPLY_LENGTH);
        checkText(problems, "autoReplyExternal", decisions.autoReplyExternal(), MAX_AUTO_REPLY_LENGTH);
        return problems;
    }

    /** Structural problems plus what only the tenant can tell: the delegate and the OneDrive owner must exist. */
    public List<String> problems(Decisions decisions, String leaverUserPrincipalName) {
        List<String> problems = structuralProblems(decisions, leaverUserPrincipalName);
        if (!problems.isEmpty()) {
            return problems;
        }
        String leaver = Decisions.lowerCase(leaverUserPrincipalName);
        requireActiveUser(problems, "mailboxDelegate", Decisions.lowerCase(decisions.mailboxDelegate()), leaver);
        requireActiveUser(problems, "oneDriveOwner", Decisions.lowerCase(decisions.oneDriveOwner()), leaver);
        return problems;
    }

    private void requireActiveUser(List<String> problems, String field, String userPrincipalName, String leaver) {
        if (!userPrincipalName.isEmpty() && !userPrincipalName.equals(leaver)
                && !directory.isActiveUser(userPrincipalName)) {
            problems.add(field + " " + userPrincipalName + " is not an active user of the tenant.");
        }
    }

    private static List<String> convertOnlyFieldsGiven(Decisions decisions) {
        List<String> fields = new ArrayList<>();
        if (!Decisions.trimmed(decisions.mailboxDelegate()).isEmpty()) {
            fields.add("mailboxDelegate");
        }
        if (!Decisions.trimmed(decisions.sharedMailboxDisplayName()).isEmpty()) {
            fields.add("sharedMailboxDisplayName");
        }
        if (!Decisions.trimmed(decisions.autoReplyInternal()).isEmpty()) {
            fields.add("autoReplyInternal");
        }
        if (!Decisions.trimmed(decisions.autoReplyExternal()).isEmpty()) {
            fields.add("autoReplyExternal");
        }
        return fields;
    }

    private static void checkUser(List<String> problems, String field, String value, String leaver, String what) {
        if (value.isEmpty()) {
            return;
        }
        if (!isUserPrincipalName(value)) {
            problems.add(field + " '" + printable(value) + "' is not a user principal name (name@domain).");
        } else if (value.equals(leaver)) {
            problems.add("The person who leaves cannot " + what + ": choose someone else as " + field + ".");
        }
    }

    /** Adds a problem when a free text is too long or holds control characters. */
    public static void checkText(List<String> problems, String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            problems.add(field + " is " + value.length() + " characters long; at most " + maxLength + " are allowed.");
        }
        if (hasControlCharacters(value)) {
            problems.add(field + " contains control characters; only text and line breaks are allowed.");
        }
    }

    /** Control characters other than tab and line breaks: they have no place in names and replies. */
    public static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t')
                || Character.getType(c) == Character.FORMAT && (c == 0x202E || c == 0x202D));
    }

    /** A value safe to repeat in a message: shortened, without control characters. */
    public static String printable(String value) {
        String cleaned = value.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }

    public static String normalized(String userPrincipalName) {
        return userPrincipalName == null ? "" : userPrincipalName.strip().toLowerCase(Locale.ROOT);
    }
}
