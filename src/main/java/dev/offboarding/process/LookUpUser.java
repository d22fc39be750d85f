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
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** lookUpUser: reads everything the decision and the later steps need. Changes nothing. */
@Component("lookUpUserDelegate")
public class LookUpUser implements JavaDelegate {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String LAST_GLOBAL_ADMIN = "LAST_GLOBAL_ADMIN";

    private final Directory directory;
    private final Mailboxes mailboxes;
    private final OneDrive oneDrive;
    private final SkuNames skuNames;

    public LookUpUser(Directory directory, Mailboxes mailboxes, OneDrive oneDrive, SkuNames skuNames) {
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.oneDrive = oneDrive;
        this.skuNames = skuNames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        TenantUser user = directory.findUser(upn).orElseThrow(() -> new BpmnError(USER_NOT_FOUND,
                "There is no active user " + upn + " in the tenant. Check the spelling; a user who was deleted "
                        + "already is in the deleted users of the admin center."));
        if (user.isGlobalAdmin() && directory.countGlobalAdmins() <= 1) {
            throw new BpmnError(LAST_GLOBAL_ADMIN, user.displayName() + " is the tenant's only global admin. "
                    + "Make another user a global admin first, or nobody could manage the tenant any more.");
        }
        Optional<MailboxInfo> mailbox = mailboxes.findMailbox(upn);
        Optional<DriveInfo> drive = oneDrive.findDrive(upn);
        Map<String, String> skuNames = this.skuNames.displayNames(user.assignedSkuIds());

        Map<String, Object> found = new HashMap<>();
        found.put(USER_ID, user.id());
        found.put(DISPLAY_NAME, user.displayName());
        found.put(MAIL, user.mail() == null ? "" : user.mail());
        found.put(ACCOUNT_ENABLED, user.accountEnabled());
        found.put(ON_PREMISES_SYNC_ENABLED, user.onPremisesSyncEnabled());
        found.put(ASSIGNED_SKU_IDS, String.join(",", user.assignedSkuIds()));
        found.put(ASSIGNED_LICENSES, user.assignedSkuIds().stream()
                .map(skuNames::get)
                .collect(Collectors.joining(", ")));
        found.put(HAS_LICENSES, !user.assignedSkuIds().isEmpty());
        found.put(ADMIN_ROLES, String.join(", ", user.adminRoles()));
        found.put(ORGANIZATION_NAME, directory.organizationName());

        found.put(HAS_MAILBOX, mailbox.isPresent());
        found.put(MAILBOX_TYPE, mailbox.map(m -> m.type().name()).orElse("None"));
        found.put(MAILBOX_SIZE_BYTES, mailbox.map(MailboxInfo::totalItemSizeBytes).orElse(0L));
        found.put(MAILBOX_SIZE, Sizes.readable(mailbox.map(MailboxInfo::totalItemSizeBytes).orElse(0L)));
        found.put(MAILBOX_ITEM_COUNT, mailbox.map(MailboxInfo::itemCount).orElse(0L));
        found.put(MAILBOX_OVER_50_GB, mailbox.map(MailboxInfo::over50Gb).orElse(false));
        found.put(ARCHIVE_ENABLED, mailbox.map(MailboxInfo::archiveEnabled).orElse(false));
        found.put(LITIGATION_HOLD_ENABLED, mailbox.map(MailboxInfo::litigationHoldEnabled).orElse(false));
        found.put(FORWARDING_ENABLED, mailbox.map(MailboxInfo::forwardingEnabled).orElse(false));
        found.put(FORWARDING_ADDRESS, mailbox.map(MailboxInfo::forwardingAddress).orElse(""));
        found.put(ALIASES, String.join(", ", mailbox.map(MailboxInfo::aliases).orElse(List.of())));

        found.put(HAS_ONE_DRIVE, drive.isPresent());
        found.put(ONE_DRIVE_URL, drive.map(DriveInfo::webUrl).orElse(""));
        found.put(ONE_DRIVE_SIZE, Sizes.readable(drive.map(DriveInfo::usedBytes).orElse(0L)));
        found.put(ONE_DRIVE_RETENTION_DAYS, oneDrive.retentionDays());
        execution.setVariables(found);
    }
}
