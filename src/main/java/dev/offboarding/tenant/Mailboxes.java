package dev.offboarding.tenant;

import java.util.List;
import java.util.Optional;

/** The Exchange Online part of a tenant. Every change is idempotent. */
public interface Mailboxes extends MailboxContent {

    Optional<MailboxInfo> findMailbox(String userPrincipalName);

    /** {@code Set-Mailbox -Type Shared}. Already shared is fine. */
    void convertToShared(String userPrincipalName);

    /** {@code Add-MailboxPermission -AccessRights FullAccess}. Already granted is fine. */
    void grantFullAccess(String userPrincipalName, String trusteeUserPrincipalName);

    void setDisplayName(String userPrincipalName, String displayName);

    /** Enables automatic replies with these texts; a blank text leaves that audience without one. */
    void setAutoReplies(String userPrincipalName, String internalMessage, String externalMessage);

    /** {@code Set-Mailbox -HiddenFromAddressListsEnabled $true}: the mailbox is no longer in the address lists. */
    void hideFromAddressLists(String userPrincipalName);

    /** The rules of the user's Inbox. */
    List<InboxRule> inboxRules(String userPrincipalName);

    /** Deletes one Inbox rule. Already deleted is fine. */
    void removeInboxRule(String userPrincipalName, InboxRule rule);

    /** The phones and tablets that sync this mailbox. */
    List<MobileDevice> mobileDevices(String userPrincipalName);

    /** {@code Remove-MobileDevice}: the device stops syncing the mailbox. Already removed is fine. */
    void removeMobileDevice(String userPrincipalName, MobileDevice device);

    /** Full Access and Send As the user holds on other mailboxes. May read every mailbox's permissions: slow. */
    List<MailboxRight> rightsOnOtherMailboxes(String userPrincipalName);

    /** Takes one such right away. Already gone is fine. */
    void removeRightOnOtherMailbox(String userPrincipalName, MailboxRight right);

    /**
     * Forwards the mailbox's mail to {@code forwardTo} and keeps a copy, or stops forwarding when it is {@code null}.
     * Setting what is set already is fine.
     */
    void setForwarding(String userPrincipalName, String forwardTo);

    /** Removes every secondary SMTP address and returns the ones removed (none when already done). */
    List<String> removeAliases(String userPrincipalName);
}
