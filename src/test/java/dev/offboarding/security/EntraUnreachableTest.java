package dev.offboarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The entra profile while Entra ID cannot be reached (nothing listens at its address): the application starts, and an
 * access token that cannot be checked is a 503 to try again, not a 401.
 */
@OffboardingSpringTest
@ActiveProfiles("entra")
@TestPropertySource(properties = {
        "offboarding.security.entra.authority=http://localhost:9",
        "offboarding.security.entra.tenant-id=" + EntraStub.TENANT,
        "offboarding.security.entra.client-id=" + EntraStub.CLIENT_ID,
        "offboarding.security.entra.client-secret=" + EntraStub.CLIENT_SECRET
})
class EntraUnreachableTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndAnswersTokensItCannotCheckWith503() {
        String token = EntraTestSupport.ENTRA.accessToken("patti.fernandez@contoso.com",
                Map.of("wids", List.of(EntraStub.GLOBAL_ADMINISTRATOR)));
        Http.Response unavailable = new Http(port).send("GET", "/api/offboardings",
                Map.of("Authorization", "Bearer " + token), null);

        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.contentType()).startsWith("application/problem+json");
        assertThat(unavailable.json().get("detail").asText()).contains("could not be checked")
                .contains("http://localhost:9/" + EntraStub.TENANT + "/v2.0");
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("30");
    }
}
