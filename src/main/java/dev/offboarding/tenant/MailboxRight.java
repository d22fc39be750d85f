package dev.offboarding.tenant;

/**
 * A right the user holds on someone else's mailbox.
 *
 * @param mailbox the other mailbox (its user principal name or primary address)
 * @param right   {@code FullAccess} ({@code Add-MailboxPermission}) or {@code SendAs} ({@code Add-RecipientPermission})
 */
public record MailboxRight(String mailbox, Right right) {

    public enum Right { FullAccess, SendAs }
}
