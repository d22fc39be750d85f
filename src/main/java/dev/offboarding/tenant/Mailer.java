package dev.offboarding.tenant;

/** Sends mail inside the tenant. */
public interface Mailer {

    /**
     * Sends a plain text mail.
     *
     * @param idempotencyKey the same key twice means the same mail: it is delivered once
     */
    void send(String toUserPrincipalName, String subject, String body, String idempotencyKey);
}
