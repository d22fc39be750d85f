package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.*;

import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.DriveInfo;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.OneDrive;
import dev.offboarding.tenant.SkuNames;
import dev.offboarding.tenant.TenantUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the tenant says of a user, as the process variables of PROCESS.md: account, licenses, admin roles, sync status,
 * mailbox and OneDrive. Read by lookUpUser and by the preview; reads only.
 */
@Component
public class UserFacts {

    /**
     * @param user            the user as the directory has it
     * @param lastGlobalAdmin the user is the tenant's only global admin
     * @param variables       the facts, named as the process variables
     */
    public record Found(TenantUser user, boolean lastGlobalAdmin, Map<String, Object> variables) {
    }

    private final Directory directory;
    private final Mailboxes mailboxes;
    private final OneDrive oneDrive;
    private final SkuNames skuNames;

    public UserFacts(Directory directory, Mailboxes mailboxes, OneDrive oneDrive, SkuNames skuNames) {
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.oneDrive = oneDrive;
        this.skuNames = skuNames;
    }

    /** The facts of the active user with this name; empty when there is none. */
    public Optional<Found> read(String upn) {
        Optional<TenantUser> found = directory.findUser(upn);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TenantUser user = found.get();
        if (user.isGlobalAdmin() && directory.countGlobalAdmins() <= 1) {
            return Optional.of(new Found(user, true, Map.of()));
        }
        Optional<MailboxInfo> mailbox = mailboxes.findMailbox(upn);
        Optional<DriveInfo> drive = oneDrive.findDrive(upn);
        Map<String, String> names = skuNames.displayNames(user.assignedSkuIds());

        Map<String, Object> facts = new HashMap<>();
        facts.put(USER_ID, user.id());
        facts.put(DISPLAY_NAME, user.displayName());
        facts.put(MAIL, user.mail() == null ? "" : user.mail());
        facts.put(ACCOUNT_ENABLED, user.accountEnabled());
        facts.put(ON_PREMISES_SYNC_ENABLED, user.onPremisesSyncEnabled());
        facts.put(ASSIGNED_SKU_IDS, String.join(",", user.assignedSkuIds()));
        facts.put(ASSIGNED_LICENSES, user.assignedSkuIds().stream()
                .map(names::get)
                .collect(Collectors.joining(", ")));
        facts.put(HAS_LICENSES, !user.assignedSkuIds().isEmpty());
        facts.put(ADMIN_ROLES, String.join(", ", user.adminRoles()));
        facts.put(ORGANIZATION_NAME, directory.organizationName());

        facts.put(HAS_MAILBOX, mailbox.isPresent());
        facts.put(MAILBOX_TYPE, mailbox.map(m -> m.type().name()).orElse("None"));
        facts.put(MAILBOX_SIZE_BYTES, mailbox.map(MailboxInfo::totalItemSizeBytes).orElse(0L));
        facts.put(MAILBOX_SIZE, Sizes.readable(mailbox.map(MailboxInfo::totalItemSizeBytes).orElse(0L)));
        facts.put(MAILBOX_ITEM_COUNT, mailbox.map(MailboxInfo::itemCount).orElse(0L));
        facts.put(MAILBOX_OVER_50_GB, mailbox.map(MailboxInfo::over50Gb).orElse(false));
        facts.put(ARCHIVE_ENABLED, mailbox.map(MailboxInfo::archiveEnabled).orElse(false));
        facts.put(LITIGATION_HOLD_ENABLED, mailbox.map(MailboxInfo::litigationHoldEnabled).orElse(false));
        facts.put(FORWARDING_ENABLED, mailbox.map(MailboxInfo::forwardingEnabled).orElse(false));
        facts.put(FORWARDING_ADDRESS, mailbox.map(MailboxInfo::forwardingAddress).orElse(""));
        facts.put(ALIASES, String.join(", ", mailbox.map(MailboxInfo::aliases).orElse(List.of())));

        facts.put(HAS_ONE_DRIVE, drive.isPresent());
        facts.put(ONE_DRIVE_URL, drive.map(DriveInfo::webUrl).orElse(""));
        facts.put(ONE_DRIVE_SIZE, Sizes.readable(drive.map(DriveInfo::usedBytes).orElse(0L)));
        facts.put(ONE_DRIVE_RETENTION_DAYS, oneDrive.retentionDays());
        return Optional.of(new Found(user, false, facts));
    }
}
