package dev.offboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Told by {@link ReleaseOffboarding} when an offboarding ends, however it ends, inside the transaction that ends it
 * (whose history is not yet written). Whatever it does must not fail the end: it handles its own errors.
 */
public interface OffboardingEnded {

    void ended(DelegateExecution execution);
}
