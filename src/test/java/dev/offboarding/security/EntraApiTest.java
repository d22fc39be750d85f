package dev.offboarding.security;

import static dev.offboarding.security.EntraStub.BILLING_ADMINISTRATOR;
import static dev.offboarding.security.EntraStub.GLOBAL_ADMINISTRATOR;
import static dev.offboarding.security.EntraStub.MEMBER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /api} and {@code /engine-rest} in the {@code entra} profile: Entra access tokens only, their directory roles
 * and groups mapped to the admin groups, every refusal a problem response.
 */
@OffboardingSpringTest
@TestPropertySource(properties = {
        // A security group for user admins besides the role, comma-separated as the environment gives it.
        "offboarding.security.entra.group-mapping.user-admins=fe930be7-5e62-47db-91af-98c3a49a38b1, " + EntraApiTest.HELPDESK_LEADS
})
class EntraApiTest extends EntraTestSupport {

    static final String HELPDESK_LEADS = "0b6c7d9e-4f1a-4c2b-9d3e-8a7f6e5d4c3b";
    private static final String PROBLEM = "application/problem+json";
    private static final String OFFBOARDINGS = "/api/offboardings";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private Http.Response call(String method, String path, String token, String json) {
        Map<String, String> headers = json == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        return http.send(method, path, headers, json);
    }

    private String token(String upn, Object wids) {
        return ENTRA.accessToken(upn, Map.of("wids", wids));
    }

    @Test
    void aGlobalAdministratorStartsAnOffboardingAndIsNamedAsTheRequester() {
        Http.Response created = call("POST", OFFBOARDINGS, token("Patti.Fernandez@contoso.com",
                List.of(MEMBER_ROLE, GLOBAL_ADMINISTRATOR)), "{\"userPrincipalName\": \"adele.vance@contoso.com\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("requestedBy").asText()).isEqualTo("patti.fernandez@contoso.com");
        assertThat(identityService.createUserQuery().userId("patti.fernandez@contoso.com").count())
                .as("an API call writes no Camunda user").isZero();
    }

    @Test
    void aBillingAdministratorReadsButMayNotStart() {
        String billing = token("bill@contoso.com", List.of(BILLING_ADMINISTRATOR));

        assertProblem(call("POST", OFFBOARDINGS, billing, "{\"userPrincipalName\": \"adele.vance@contoso.com\"}"),
                403, "Your groups do not allow this");
        Http.Response list = call("GET", OFFBOARDINGS, billing, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(call("GET", "/api/sandbox/users/adele.vance@contoso.com", billing, null).status()).isEqualTo(200);
    }

    @Test
    void aSecurityGroupMapsAsWellAsARoleAndOnlyMappedIdsCount() {
        String lead = ENTRA.accessToken("lee.lead@contoso.com",
                Map.of("groups", List.of("ffffffff-0000-0000-0000-000000000000", HELPDESK_LEADS.toUpperCase())));
        Http.Response created = call("POST", OFFBOARDINGS, lead, "{\"userPrincipalName\": \"lynne.robbins@contoso.com\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String member = token("hal@contoso.com", List.of(MEMBER_ROLE));
        assertProblem(call("GET", OFFBOARDINGS, member, null), 403, "global-admins");
    }

    @Test
    void theApplicationIdUriIsAnAudienceToo() {
        String token = ENTRA.sign(ENTRA.claims("patti.fernandez@contoso.com", Map.of("wids", List.of(GLOBAL_ADMINISTRATOR)))
                .audience("api://" + EntraStub.CLIENT_ID).build());
        assertThat(call("GET", OFFBOARDINGS, token, null).status()).isEqualTo(200);
    }

    @Test
    void tokensEntraDidNotIssueForThisApplicationAre401() {
        Map<String, Object> admin = Map.of("wids", List.of(GLOBAL_ADMINISTRATOR));
        String upn = "patti.fernandez@contoso.com";

        Date hourAgo = Date.from(Instant.now().minusSeconds(3600));
        String expired = ENTRA.sign(ENTRA.claims(upn, admin).audience(EntraStub.CLIENT_ID)
                .issueTime(hourAgo).notBeforeTime(hourAgo).expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build());
        assertRefused(expired, "expired");

        String forGraph = ENTRA.sign(ENTRA.claims(upn, admin).audience("00000003-0000-0000-c000-000000000000").build());
        assertRefused(forGraph, "audience");

        assertRefused(EntraStub.unsigned(ENTRA.claims(upn, admin).audience(EntraStub.CLIENT_ID).build()), "");
        assertRefused(ENTRA.signByStranger(ENTRA.claims(upn, admin).audience(EntraStub.CLIENT_ID).build()), "");

        String otherTenant = ENTRA.sign(ENTRA.claims(upn, admin).audience(EntraStub.CLIENT_ID)
                .issuer("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0").build());
        assertRefused(otherTenant, "iss");

        String nobody = ENTRA.sign(ENTRA.claims(upn, admin).audience(EntraStub.CLIENT_ID)
                .claim("preferred_username", null).build());
        assertRefused(nobody, "preferred_username");

        assertRefused("not-a-jwt", "");
    }

    @Test
    void withoutATokenIs401AndCamundaPasswordsAreNotAcceptedByDefault() {
        Http.Response none = http.get(OFFBOARDINGS, null);
        assertProblem(none, 401, "Authorization: Bearer");
        assertThat(none.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"offboarding\"");

        User local = identityService.newUser("localadmin");
        local.setPassword("localadmin");
        identityService.saveUser(local);
        identityService.createMembership("localadmin", AdminGroups.GLOBAL_ADMINS);
        try {
            String basic = "Basic " + Base64.getEncoder().encodeToString("localadmin:localadmin".getBytes());
            assertThat(http.send("GET", OFFBOARDINGS, Map.of("Authorization", basic), null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/engine-rest/process-definition", Map.of("Authorization", basic), null)
                    .status()).isEqualTo(401);
        } finally {
            identityService.deleteUser("localadmin");
        }
    }

    @Test
    void camundaRestTakesTheTokenAndAppliesCamundaAuthorizationsThroughTheMappedGroups() {
        String admin = token("patti.fernandez@contoso.com", List.of(GLOBAL_ADMINISTRATOR));
        String billing = token("bill@contoso.com", List.of(BILLING_ADMINISTRATOR));
        String start = "{\"businessKey\": \"adele.vance@contoso.com\", \"variables\": {\"userPrincipalName\": "
                + "{\"value\": \"adele.vance@contoso.com\", \"type\": \"String\"}}}";

        JsonNode definitions = call("GET", "/engine-rest/process-definition?key=offboarding", billing, null).json();
        assertThat(definitions).hasSize(1);
        Http.Response refused = call("POST", "/engine-rest/process-definition/key/offboarding/start", billing, start);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("bill@contoso.com");

        Http.Response started = call("POST", "/engine-rest/process-definition/key/offboarding/start", admin, start);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(runtimeService.getVariable(instance, "requestedBy")).isEqualTo("patti.fernandez@contoso.com");

        assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
        assertThat(call("GET", "/engine-rest/process-definition", "not-a-jwt", null).status()).isEqualTo(401);
    }

    private void assertRefused(String token, String reason) {
        Http.Response refused = call("GET", OFFBOARDINGS, token, null);
        assertProblem(refused, 401, "The access token was not accepted");
        assertThat(refused.json().get("detail").asText()).contains(reason);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer").contains("error=\"invalid_token\"");
    }

    private static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
