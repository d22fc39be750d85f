package dev.offboarding.backup;

/** The backup on disk does not match what was exported: nothing destructive may run. */
public class BackupVerificationException extends RuntimeException {

    public BackupVerificationException(String message) {
        super(message);
    }

    public BackupVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
