package dev.offboarding.tenant.sandbox;

import dev.offboarding.config.OffboardingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.offboarding.config.StartupSetup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Fills an empty sandbox tenant with the demo users at start-up ({@code offboarding.sandbox.demo-data}). */
@Component
@SandboxMode
@Order(30)
class SandboxDemoDataLoader implements StartupSetup {

    private static final Logger log = LoggerFactory.getLogger(SandboxDemoDataLoader.class);

    private final SandboxDemoData demoData;
    private final OffboardingProperties properties;

    SandboxDemoDataLoader(SandboxDemoData demoData, OffboardingProperties properties) {
        this.demoData = demoData;
        this.properties = properties;
    }

    @Override
    public void setUp() {
        if (properties.sandbox().demoData() && demoData.seedIfEmpty()) {
            log.info("Sandbox tenant filled with the demo users of contoso.com");
        }
    }
}
