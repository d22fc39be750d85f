package dev.offboarding.tenant;

/** Exchange's recipient type details that matter to an offboarding. */
public enum MailboxType {
    UserMailbox, SharedMailbox
}
