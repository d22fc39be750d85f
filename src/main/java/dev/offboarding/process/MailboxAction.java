package dev.offboarding.process;

/** The admin's choice for the mailbox. */
public enum MailboxAction {
    /** Keep the mail: the mailbox becomes a shared mailbox and the account stays. */
    CONVERT_TO_SHARED,
    /** Back up the mail and delete the account. */
    DELETE
}
