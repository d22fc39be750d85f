package dev.offboarding.tenant;

import java.time.Duration;

/** Hears every call to the tenant, for metrics. */
public interface TenantCallListener {

    TenantCallListener NONE = new TenantCallListener() {
        @Override
        public void called(String service, String operation, String outcome, long nanos) {
        }

        @Override
        public void throttled(String service, String operation, Duration wait) {
        }
    };

    void called(String service, String operation, String outcome, long nanos);

    void throttled(String service, String operation, Duration wait);

    /** A call waited for its turn, because the tenant throttled calls shortly before ({@link Pacer}). */
    default void paced(String service, Duration wait) {
    }
}
