package dev.offboarding.security;

import dev.offboarding.process.ProcessTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application in the {@code entra} profile against {@link EntraStub}, configured as docs/sso.md says, with the
 * tenant, client id and secret the environment would give. Subclasses add {@code @OffboardingSpringTest}. One stub
 * serves every test class of the run (surefire's JVM ends with the run).
 */
@ActiveProfiles("entra")
abstract class EntraTestSupport extends ProcessTestSupport {

    static final EntraStub ENTRA = new EntraStub();

    @DynamicPropertySource
    static void entra(DynamicPropertyRegistry registry) {
        registry.add("offboarding.security.entra.authority", ENTRA::authority);
        registry.add("offboarding.security.entra.tenant-id", () -> EntraStub.TENANT);
        registry.add("offboarding.security.entra.client-id", () -> EntraStub.CLIENT_ID);
        registry.add("offboarding.security.entra.client-secret", () -> EntraStub.CLIENT_SECRET);
    }

    @BeforeEach
    void forgetEntraRequests() {
        ENTRA.forgetRequests();
    }
}
