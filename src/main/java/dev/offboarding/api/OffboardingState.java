package dev.offboarding.api;

/** Where an offboarding stands, as an admin asks it. */
public enum OffboardingState {
    /** Steps are running or queued. */
    RUNNING,
    /** An admin must decide in Tasklist how to offboard the user. */
    WAITING_FOR_DECISION,
    /** Decided, and waiting for the leave date: nothing has changed in the tenant yet. */
    SCHEDULED,
    /** A user admin must delete the account in on-premises Active Directory. */
    WAITING_FOR_AD_REMOVAL,
    /** The account is deleted and can still be restored. */
    IN_RESTORE_WINDOW,
    /** Only the billing admin's license reduction is still open. */
    WAITING_FOR_LICENSE_REDUCTION,
    /** A step failed after all its retries: an admin must look at the incident in Cockpit. */
    INCIDENT,
    /** The offboarding has ended; {@code outcome} says how. */
    ENDED
}
