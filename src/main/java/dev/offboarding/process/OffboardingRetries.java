package dev.offboarding.process;

import dev.offboarding.config.OffboardingProperties;
import org.springframework.stereotype.Component;

/**
 * The model's retry cycle of every step that talks to the tenant ({@code ${offboardingRetries.cycle}}): waits that
 * grow, then an incident.
 */
@Component("offboardingRetries")
public class OffboardingRetries {

    private final String cycle;

    public OffboardingRetries(OffboardingProperties properties) {
        this.cycle = properties.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
