package dev.offboarding.tenant;

import java.util.Optional;

/** The directory part of a tenant: accounts, roles, deletion and restore. */
public interface Directory {

    /** The active (not deleted) user with this UPN, with licenses, addresses and admin roles. */
    Optional<TenantUser> findUser(String userPrincipalName);

    /** Whether an active user has this UPN: a cheaper question than {@link #findUser}. */
    boolean isActiveUser(String userPrincipalName);

    /** The manager of the user with this object id; empty when the directory names none. */
    Optional<Manager> findManager(String userId);

    /** The user with this object id in the tenant's deleted items, if it is there. */
    Optional<DeletedUser> findDeletedUser(String userId);

    /** The organization's name, as people know it (used in automatic replies and mails). */
    String organizationName();

    /** How many enabled, not deleted users hold the Global Administrator role. */
    int countGlobalAdmins();

    /** Disables the account and revokes its sign-in sessions. Already blocked is fine. */
    void blockSignIn(String userId);

    /** Enables the account again, e.g. when an offboarding is cancelled. Already enabled is fine. */
    void unblockSignIn(String userId);

    /** Moves the user to deleted items. Already deleted is fine. */
    void deleteUser(String userId);

    /** Brings the user back from deleted items. Already active is fine. */
    void restoreUser(String userId);

    /** Removes the user from deleted items for good. Already gone is fine. */
    void permanentlyDeleteUser(String userId);
}
