package dev.offboarding.tenant;

import java.util.List;
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

    /**
     * Gives the account a new random password that nobody knows and that must be changed at the next sign-in. The
     * password is never returned, logged or stored. Repeating it is harmless.
     */
    void resetPassword(String userId);

    /** The user's authentication methods other than the password (which cannot be removed, only reset). */
    List<AuthenticationMethod> authenticationMethods(String userId);

    /** Removes one authentication method. Already removed is fine. */
    void removeAuthenticationMethod(String userId, AuthenticationMethod method);

    /** The groups the user is a direct member of. */
    List<GroupMembership> groupMemberships(String userId);

    /** Removes the user from the group. Not a member (any more) is fine. */
    void removeFromGroup(String userId, GroupMembership group);

    /** Moves the user to deleted items. Already deleted is fine. */
    void deleteUser(String userId);

    /** Brings the user back from deleted items. Already active is fine. */
    void restoreUser(String userId);

    /** Removes the user from deleted items for good. Already gone is fine. */
    void permanentlyDeleteUser(String userId);
}
