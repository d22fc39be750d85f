package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.*;

import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.Calendars;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.InboxRule;
import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.Meeting;
import dev.offboarding.tenant.MobileDevice;
import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The dry run: what each step of an offboarding would do to this user, read from the tenant without changing anything.
 * It uses only the ports' read operations and the model's own decision tables, so it says what the process would do.
 * Without decisions it describes every step as if chosen; with decisions it also says which steps run.
 */
@Component
public class OffboardingPreview {

    /** The answer: who, the route the guidance rules give, warnings an admin should read, and every step. */
    public record Preview(String userPrincipalName, String displayName, boolean decided, String route,
                          String guidanceNote, Instant leaveAt, List<String> warnings, List<Step> steps) {
    }

    /**
     * One step of the model.
     *
     * @param runs  whether it runs with the decisions given; null without decisions (then {@code what} is what it
     *              would do if chosen)
     * @param items what it would remove, cancel or hand over, one per entry
     */
    public record Step(String activityId, String name, Boolean runs, String what, List<String> items) {
    }

    /** The user is not there: nothing to preview. */
    public static class UserNotFoundException extends RuntimeException {
        public UserNotFoundException(String userPrincipalName) {
            super("There is no active user " + userPrincipalName + " in the tenant.");
        }
    }

    private final UserFacts userFacts;
    private final Directory directory;
    private final Mailboxes mailboxes;
    private final Calendars calendars;
    private final Licensing licensing;
    private final DecisionService decisionService;
    private final Clock clock;
    private final Duration restoreWindow;

    public OffboardingPreview(UserFacts userFacts, Directory directory, Mailboxes mailboxes, Calendars calendars,
                              Licensing licensing, DecisionService decisionService, Clock clock,
                              dev.offboarding.config.OffboardingProperties properties) {
        this.restoreWindow = properties.restoreWindow();
        this.userFacts = userFacts;
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.calendars = calendars;
        this.licensing = licensing;
        this.decisionService = decisionService;
        this.clock = clock;
    }

    /**
     * @param decisions the decisions, or null for "every step, if chosen"
     * @param leaveAt   when a scheduled offboarding begins, or null
     */
    public Preview preview(String upn, Decisions decisions, Instant leaveAt) {
        UserFacts.Found found = userFacts.read(upn).orElseThrow(() -> new UserNotFoundException(upn));
        if (found.lastGlobalAdmin()) {
            return new Preview(upn, found.user().displayName(), decisions != null, "REJECT",
                    found.user().displayName() + " is the tenant's only global admin: the offboarding would be "
                            + "rejected. Make another user a global admin first.", leaveAt,
                    List.of("The tenant's only global admin: the offboarding is rejected."), List.of());
        }
        Map<String, Object> facts = new HashMap<>(found.variables());
        boolean decided = decisions != null;
        Map<String, Object> chosen = decided ? decisions.toVariables() : everythingChosen();
        facts.putAll(chosen);
        Map<String, Object> route = decided
                ? decisionService.evaluateDecisionTableByKey("offboardingRoute", facts).getSingleResult().getEntryMap()
                : Map.of();
        facts.put(ROUTE, route.getOrDefault("route", ""));
        facts.put(KEEP_LICENSES, Boolean.TRUE.equals(route.get("keepLicenses")));

        List<Subscription> subscriptions = licensing.subscriptions();
        List<String> warnings = warnings(facts);
        warnings.addAll(subscriptionWarnings(subscriptions, VariableValues.list(facts.get(ASSIGNED_SKU_IDS))));
        List<Step> steps = new ArrayList<>();
        String userId = (String) facts.get(USER_ID);
        boolean hasMailbox = flag(facts, HAS_MAILBOX);
        boolean synced = flag(facts, ON_PREMISES_SYNC_ENABLED);
        boolean rejected = "REJECT".equals(facts.get(ROUTE));

        if (leaveAt != null && leaveAt.isAfter(clock.instant())) {
            steps.add(step("leaveDateReached", "Wait for the leave date", decided, true,
                    "Nothing changes before " + leaveAt + "; the manager is told now and on the day.", List.of()));
        }
        steps.add(step("blockSignIn", "Block sign-in", decided, !rejected,
                flag(facts, ACCOUNT_ENABLED) ? "Disables the account and revokes its sign-in sessions."
                        : "The account is already disabled; its sign-in sessions are revoked.", List.of()));
        steps.add(step("backUpMailbox", "Back up the mailbox", decided, !rejected && hasMailbox, hasMailbox
                ? "Exports " + facts.get(MAILBOX_ITEM_COUNT) + " messages (" + facts.get(MAILBOX_SIZE)
                        + ") as .eml files with a manifest and SHA-256 checksums, and verifies them."
                : "No mailbox: nothing to back up.", List.of()));

        steps.add(step("resetPassword", "Reset the password", decided,
                !rejected && flag(chosen, RESET_PASSWORD) && !synced, synced
                        ? "Not for this account: it is synced from on-premises AD, where its password is set."
                        : "Sets a random password nobody knows, to be changed at the next sign-in.", List.of()));
        List<String> methods = directory.authenticationMethods(userId).stream()
                .map(TenantNames::authenticationMethod).toList();
        steps.add(step("removeAuthenticationMethods", "Remove the MFA methods", decided,
                !rejected && flag(chosen, REMOVE_AUTHENTICATION_METHODS), methods.isEmpty()
                        ? "No methods besides the password are registered." : "Removes " + count(methods, "method") + ".",
                methods));
        List<GroupMembership> memberships = directory.groupMemberships(userId);
        steps.add(groups(memberships, decided, !rejected && flag(chosen, REMOVE_FROM_GROUPS)));
        steps.add(step("hideFromAddressList", "Hide from the address list", decided,
                !rejected && flag(chosen, HIDE_FROM_ADDRESS_LIST) && hasMailbox && !synced,
                synced ? "Not here: a synced user is hidden in on-premises AD." : hasMailbox
                        ? "Hides the mailbox from the global address list." : "No mailbox.", List.of()));
        steps.add(forwarding(facts, chosen, decided, !rejected && hasMailbox));
        List<String> rules = hasMailbox ? mailboxes.inboxRules(upn).stream().map(InboxRule::displayName).toList() : List.of();
        steps.add(step("removeInboxRules", "Remove the Inbox rules", decided,
                !rejected && flag(chosen, REMOVE_INBOX_RULES) && hasMailbox,
                rules.isEmpty() ? "No Inbox rules." : "Deletes " + count(rules, "rule") + ".", rules));
        List<String> devices = hasMailbox ? mailboxes.mobileDevices(upn).stream().map(MobileDevice::name).toList() : List.of();
        steps.add(step("removeMobileDevices", "Remove the mobile devices", decided,
                !rejected && flag(chosen, REMOVE_MOBILE_DEVICES) && hasMailbox,
                devices.isEmpty() ? "No phones or tablets sync the mailbox." : "Removes " + count(devices, "device") + ".",
                devices));
        List<String> meetings = hasMailbox ? calendars.upcomingMeetingsOrganizedBy(upn, clock.instant()).stream()
                .map(OffboardingPreview::describe).toList() : List.of();
        steps.add(step("cancelMeetings", "Cancel the meetings the person organised", decided,
                !rejected && flag(chosen, CANCEL_MEETINGS) && hasMailbox, meetings.isEmpty()
                        ? "No upcoming meetings organised by this user."
                        : "Cancels " + count(meetings, "meeting") + "; the attendees are told.", meetings));
        steps.add(step("removeMailboxPermissions", "Remove their rights on other mailboxes", decided,
                !rejected && flag(chosen, REMOVE_MAILBOX_PERMISSIONS),
                "Finds and removes the Full Access and Send As rights this user holds on other mailboxes. They are "
                        + "looked up when the step runs: finding them reads the permissions of every mailbox.",
                List.of()));

        String routeName = String.valueOf(facts.get(ROUTE));
        boolean convert = decided ? "CONVERT".equals(routeName) : hasMailbox;
        steps.add(step("convertToSharedMailbox", "Convert to shared mailbox", decided, decided && convert,
                hasMailbox ? "Keeps the mail as a shared mailbox" + (decided && convert
                        ? " that " + facts.get(MAILBOX_DELEGATE) + " can open (Full Access)." : ", if chosen.")
                        : "No mailbox to convert.", List.of()));
        steps.add(oneDrive(facts, chosen, decided, !rejected));
        steps.add(licenses(facts, subscriptions, memberships, decided, !rejected && flag(chosen, REMOVE_LICENSES)
                && flag(facts, HAS_LICENSES) && !flag(facts, KEEP_LICENSES)));
        boolean deletes = decided && routeName.startsWith("DELETE");
        steps.add(step("removeFromOnPremisesAd", "Remove the user from on-premises AD", decided,
                deletes && "DELETE_ON_PREMISES".equals(routeName), synced
                        ? "The account is synced: a user admin deletes it in on-premises AD before it is deleted here."
                        : "Not needed: the account lives in the cloud.", List.of()));
        steps.add(step("deleteUser", "Delete the account", decided, deletes, "Moves the account to deleted users; it "
                + "can be restored for " + (restoreWindow.toDays() >= 1 ? restoreWindow.toDays() + " days"
                : restoreWindow.toSeconds() + " seconds") + ", then it is gone for good.", List.of()));
        return new Preview(upn, (String) facts.get(DISPLAY_NAME), decided, decided ? routeName : null,
                decided ? (String) route.get("guidanceNote") : null, leaveAt, warnings, steps);
    }

    private static Step groups(List<GroupMembership> memberships, boolean decided, boolean runs) {
        List<String> items = new ArrayList<>();
        int removed = 0;
        for (GroupMembership group : memberships) {
            Optional<String> whyKept = GroupRules.whyNotRemovedWithGroups(group);
            if (whyKept.isPresent()) {
                items.add(group.displayName() + ": stays (" + whyKept.get() + ")");
            } else {
                items.add(group.displayName() + ": removed");
                removed++;
            }
        }
        return step("removeFromGroups", "Remove from groups", decided, runs, items.isEmpty()
                ? "Not a member of any group." : "Removes the user from " + removed + " of " + items.size() + " groups.",
                items);
    }

    private static Step forwarding(Map<String, Object> facts, Map<String, Object> chosen, boolean decided,
                                   boolean possible) {
        String forwardTo = String.valueOf(chosen.getOrDefault(FORWARD_MAIL_TO, ""));
        boolean forwards = flag(facts, FORWARDING_ENABLED);
        if (!forwardTo.isEmpty()) {
            return step("setMailForwarding", "Set or stop mail forwarding", decided, possible,
                    "Forwards the mail to " + forwardTo + " and keeps a copy; the account is kept.", List.of());
        }
        return step("setMailForwarding", "Set or stop mail forwarding", decided,
                possible && forwards && flag(chosen, STOP_FORWARDING), forwards
                        ? "Stops the forwarding to " + facts.get(FORWARDING_ADDRESS) + ", if chosen; then the account may be deleted."
                        : "The mailbox forwards no mail; forwarding can be set when the mailbox is kept.", List.of());
    }

    private Step oneDrive(Map<String, Object> facts, Map<String, Object> chosen, boolean decided, boolean possible) {
        if (!flag(facts, HAS_ONE_DRIVE)) {
            return step("grantOneDriveAccess", "Give the OneDrive to its new owner", decided, false, "No OneDrive.",
                    List.of());
        }
        String owner = String.valueOf(chosen.getOrDefault(ONE_DRIVE_OWNER, ""));
        Instant deleted = clock.instant().plus(Duration.ofDays(((Number) facts.get(ONE_DRIVE_RETENTION_DAYS)).longValue()));
        return step("grantOneDriveAccess", "Give the OneDrive to its new owner", decided, possible && !owner.isEmpty(),
                "The OneDrive (" + facts.get(ONE_DRIVE_SIZE) + ") " + (owner.isEmpty() ? "goes to whoever is chosen"
                        : "goes to " + owner) + ". If the account is deleted, Microsoft 365 deletes the OneDrive after "
                        + facts.get(ONE_DRIVE_RETENTION_DAYS) + " days (around " + Dates.readable(deleted) + ").",
                List.of());
    }

    private Step licenses(Map<String, Object> facts, List<Subscription> subscriptions,
                          List<GroupMembership> memberships, boolean decided, boolean runs) {
        List<String> items = new ArrayList<>();
        List<String> assigned = VariableValues.list(facts.get(ASSIGNED_SKU_IDS));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Subscription subscription : subscriptions) {
            if (!assigned.contains(subscription.skuId())) {
                continue;
            }
            boolean insideCommitment = subscription.commitmentEndDate() != null
                    && subscription.commitmentEndDate().isAfter(today);
            Map<String, Object> verdict = decisionService.evaluateDecisionTableByKey("licenseReducible",
                    Variables.createVariables().putValue("purchaseChannel", subscription.purchaseChannel().name())
                            .putValue("insideCommitment", insideCommitment)).getSingleResult().getEntryMap();
            items.add(subscription.displayName() + ": unassigned; the subscription's total "
                    + (Boolean.TRUE.equals(verdict.get("reducible")) ? "can be lowered by a billing admin"
                    : "cannot be lowered here, " + verdict.get("reason")));
        }
        for (GroupMembership group : memberships) {
            if (group.givesLicenses()) {
                items.add("Group " + group.displayName() + " gives licenses: " + GroupRules.whyNeverRemoved(group)
                        .map(why -> "they stay (" + why + ")").orElse("the user leaves it"));
            }
        }
        String what = !flag(facts, HAS_LICENSES) ? "No licenses."
                : flag(facts, KEEP_LICENSES) ? "The licenses stay: the shared mailbox needs one (over 50 GB, archive or hold)."
                : "Unassigns " + facts.get(ASSIGNED_LICENSES) + ", so the company can stop paying for them.";
        return step("removeLicenses", "Remove the licenses", decided, runs, what, items);
    }

    private static List<String> warnings(Map<String, Object> facts) {
        List<String> warnings = new ArrayList<>();
        if (flag(facts, FORWARDING_ENABLED)) {
            warnings.add("The mailbox forwards mail to " + facts.get(FORWARDING_ADDRESS) + ": the account cannot be "
                    + "deleted unless the forwarding is stopped.");
        }
        if ("SharedMailbox".equals(facts.get(MAILBOX_TYPE))) {
            warnings.add("The mailbox is already a shared mailbox: the account must not be deleted.");
        }
        if (flag(facts, ON_PREMISES_SYNC_ENABLED)) {
            warnings.add("Synced from on-premises AD: the account is deleted there; its password and address-list "
                    + "visibility are set there too.");
        }
        if (flag(facts, MAILBOX_OVER_50_GB)) {
            warnings.add("The mailbox is over 50 GB (" + facts.get(MAILBOX_SIZE) + "): as a shared mailbox it keeps "
                    + "its license.");
        }
        if (flag(facts, ARCHIVE_ENABLED) || flag(facts, LITIGATION_HOLD_ENABLED)) {
            warnings.add("The mailbox has an archive or is on litigation hold: as a shared mailbox it keeps its license.");
        }
        if (!flag(facts, HAS_MAILBOX)) {
            warnings.add("No mailbox: the account can only be deleted.");
        }
        return warnings;
    }

    /** Licenses bought through a partner or volume licensing: their count cannot be reduced here. */
    private static List<String> subscriptionWarnings(List<Subscription> subscriptions, List<String> skuIds) {
        return subscriptions.stream()
                .filter(s -> skuIds.contains(s.skuId()) && s.purchaseChannel() != PurchaseChannel.DIRECT)
                .map(s -> s.displayName() + " was bought through " + (s.purchaseChannel() == PurchaseChannel.PARTNER
                        ? "a partner" : "volume licensing") + ": its license count cannot be reduced here.")
                .collect(Collectors.toList());
    }

    private static Map<String, Object> everythingChosen() {
        Map<String, Object> all = new Decisions(null, null, null, null, null, true, null, true, true, true, true, true,
                true, true, true, true, true, null, true).toVariables();
        all.put(MAILBOX_ACTION, "");
        return all;
    }

    private static Step step(String id, String name, boolean decided, boolean runs, String what, List<String> items) {
        return new Step(id, name, decided ? runs : null, what, items);
    }

    private static String describe(Meeting meeting) {
        return meeting.subject() + (meeting.recurring() ? " (series)" : "") + ", " + Dates.readable(meeting.start())
                + ", " + meeting.attendees() + " attendees";
    }

    /** "2 rules": the items themselves are listed with the step. */
    private static String count(List<String> items, String noun) {
        return items.size() + " " + noun + (items.size() == 1 ? "" : "s");
    }

    private static boolean flag(Map<String, Object> values, String name) {
        return Boolean.TRUE.equals(values.get(name));
    }
}
