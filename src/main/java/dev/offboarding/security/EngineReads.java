package dev.offboarding.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads of an offboarding that {@code /api}'s own rules already allowed (any admin group may read any offboarding):
 * Camunda's task, job and history permissions of the caller must not narrow them.
 */
public final class EngineReads {

    private EngineReads() {
    }

    public static <T> T withoutEngineAuthorization(IdentityService identityService, Supplier<T> read) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
