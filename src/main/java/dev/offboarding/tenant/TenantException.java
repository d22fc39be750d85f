package dev.offboarding.tenant;

/**
 * A technical fault talking to the tenant. Retried; when retries run out its message becomes the
 * Cockpit incident, so it says what failed and what an admin can do about it.
 */
public class TenantException extends RuntimeException {

    public TenantException(String message) {
        super(message);
    }

    public TenantException(String message, Throwable cause) {
        super(message, cause);
    }
}
