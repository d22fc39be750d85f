package dev.offboarding.security;

import static dev.offboarding.security.Browser.isRedirect;
import static dev.offboarding.security.Browser.json;
import static dev.offboarding.security.Browser.location;
import static dev.offboarding.security.EntraStub.BILLING_ADMINISTRATOR;
import static dev.offboarding.security.EntraStub.GLOBAL_ADMINISTRATOR;
import static dev.offboarding.security.EntraStub.MEMBER_ROLE;
import static dev.offboarding.security.EntraStub.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in to Tasklist, Cockpit and Admin with Entra ID in the {@code entra} profile, hop by hop: the webapp sends
 * the browser to Entra, Entra sends it back with a code, the application exchanges the code for an ID token, keeps
 * the Camunda user in step with the token and hands it to the webapps with its mapped groups.
 */
@OffboardingSpringTest
@TestPropertySource(properties = {
        "offboarding.security.entra.group-mapping.camunda-admin=" + EntraWebappSignInTest.CAMUNDA_OPERATORS,
        "offboarding.security.entra.allow-basic-authentication=true"
})
class EntraWebappSignInTest extends EntraTestSupport {

    /** The object id of a security group whose members may use Camunda Admin. */
    static final String CAMUNDA_OPERATORS = "3d1c1b9a-7f5e-4b8c-a2d1-6e0f9c8b7a65";
    private static final String CURRENT_USER = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    String app;

    @BeforeEach
    void origin() {
        app = "http://localhost:" + port;
    }

    /** As in a running installation, somebody mapped to camunda-admin has signed in before (see docs/sso.md). */
    @BeforeEach
    void anAdminSignedInBefore() {
        if (identityService.createUserQuery().userId("first.admin@contoso.com").count() == 0) {
            identityService.saveUser(identityService.newUser("first.admin@contoso.com"));
            identityService.createMembership("first.admin@contoso.com", "camunda-admin");
        }
    }

    /** From Tasklist's address through Entra and back to Tasklist; returns the last response inside the app. */
    private HttpResponse<String> signIn(Browser browser, String userPrincipalName, Map<String, Object> claims) {
        HttpResponse<String> toSignIn = browser.get(app + "/camunda/app/tasklist/");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(location(toSignIn)).isEqualTo(app + "/oauth2/authorization/entra");

        HttpResponse<String> toEntra = browser.get(location(toSignIn));
        assertThat(toEntra.statusCode()).isEqualTo(302);
        String authorize = location(toEntra);
        assertThat(authorize).startsWith(ENTRA.endpoint("authorize") + "?");
        Map<String, String> request = Browser.query(authorize);
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", EntraStub.CLIENT_ID)
                .containsEntry("scope", "openid profile email")
                .containsEntry("redirect_uri", app + "/login/oauth2/code/entra")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");

        ENTRA.nextSignIn(request.get("nonce"), ENTRA.claims(userPrincipalName, claims));
        HttpResponse<String> back = browser.get(authorize);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).startsWith(app + "/login/oauth2/code/entra?code=");
        return browser.follow(location(back), app);
    }

    @Test
    void aGlobalAdministratorSignsInToTasklistAndCamundaSeesTheMappedGroup() {
        Browser browser = new Browser();
        HttpResponse<String> tasklist = signIn(browser, "Patti.Fernandez@contoso.com", Map.of(
                "wids", List.of(MEMBER_ROLE, GLOBAL_ADMINISTRATOR),
                "given_name", "Patti", "family_name", "Fernandez", "email", "Patti.Fernandez@contoso.com"));

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.body()).contains("Tasklist");

        JsonNode user = json(browser.getJson(app + CURRENT_USER));
        assertThat(user.get("userId").asText()).isEqualTo("patti.fernandez@contoso.com");
        assertThat(texts(user.get("authorizedApps"))).containsExactlyInAnyOrder("welcome", "tasklist", "cockpit");

        // Camunda's authorizations through the group: a global admin reads all three Tasklist filters.
        JsonNode filters = json(browser.getJson(app + "/camunda/api/engine/engine/default/filter"));
        assertThat(texts(filters, "name")).containsExactlyInAnyOrder("Offboarding decisions", "On-premises AD removals",
                "License reductions");
        JsonNode definitions = json(browser.getJson(app + "/camunda/api/engine/engine/default/process-definition?key=offboarding"));
        assertThat(definitions).hasSize(1);

        User camundaUser = identityService.createUserQuery().userId("patti.fernandez@contoso.com").singleResult();
        assertThat(camundaUser.getFirstName()).isEqualTo("Patti");
        assertThat(camundaUser.getLastName()).isEqualTo("Fernandez");
        assertThat(groupsOf("patti.fernandez@contoso.com")).containsExactly(AdminGroups.GLOBAL_ADMINS);

        List<LoggedRequest> tokenRequests = ENTRA.tokenRequests();
        assertThat(tokenRequests).hasSize(1);
        String body = tokenRequests.get(0).getBodyAsString();
        assertThat(body).contains("grant_type=authorization_code").contains("code_verifier=").contains("code=0.AXkAv4j5cvGGr0GRqy180BHbR-sample-code")
                .contains("redirect_uri=" + java.net.URLEncoder.encode(app + "/login/oauth2/code/entra", StandardCharsets.UTF_8));
        assertThat(tokenRequests.get(0).getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((EntraStub.CLIENT_ID + ":" + EntraStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theWebappsGetAPluginWhoseLogOutSignsOutOfEntra() {
        Browser browser = new Browser();
        HttpResponse<String> tasklist = signIn(browser, "diego.siciliani@contoso.com",
                Map.of("wids", List.of(USER_ADMINISTRATOR)));
        assertThat(tasklist.body()).contains("tasklist-plugin-sso-logout");

        for (String webapp : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> script = browser.get(app + "/camunda/api/" + webapp + "/plugin/sso-logout/static/app/plugin.js");
            assertThat(script.statusCode()).as(webapp).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
            assertThat(script.body()).contains("const logoutUrl = \"/logout\";").contains("li.account li.logout");
        }
    }

    @Test
    void everySignInBringsTheMembershipsOfTheMappedGroupsInStepWithEntra() {
        HttpResponse<String> first = signIn(new Browser(), "megan.bowen@contoso.com", Map.of(
                "wids", List.of(USER_ADMINISTRATOR), "groups", List.of(CAMUNDA_OPERATORS), "name", "Megan Bowen"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(groupsOf("megan.bowen@contoso.com")).containsExactly("camunda-admin", AdminGroups.USER_ADMINS);
        assertThat(identityService.createUserQuery().userId("megan.bowen@contoso.com").singleResult().getFirstName())
                .isEqualTo("Megan Bowen");

        // A group an admin gave in Camunda Admin is Camunda's business, not Entra's: it stays.
        Group auditors = identityService.newGroup("auditors");
        identityService.saveGroup(auditors);
        identityService.createMembership("megan.bowen@contoso.com", "auditors");

        Browser browser = new Browser();
        HttpResponse<String> second = signIn(browser, "megan.bowen@contoso.com",
                Map.of("wids", List.of(BILLING_ADMINISTRATOR)));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(groupsOf("megan.bowen@contoso.com")).containsExactly("auditors", AdminGroups.BILLING_ADMINS);
        JsonNode filters = json(browser.getJson(app + "/camunda/api/engine/engine/default/filter"));
        assertThat(texts(filters, "name")).containsExactly("License reductions");
    }

    @Test
    void theMappedAdminGroupOpensCamundaAdmin() {
        Browser browser = new Browser();
        signIn(browser, "it.operator@contoso.com", Map.of("groups", List.of(CAMUNDA_OPERATORS)));
        JsonNode user = json(browser.getJson(app + CURRENT_USER));
        assertThat(texts(user.get("authorizedApps"))).contains("admin", "cockpit", "tasklist");

        HttpResponse<String> admin = browser.follow(app + "/camunda/app/admin/", app);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.uri().getPath()).isEqualTo("/camunda/app/admin/default/");
    }

    @Test
    void somebodyWithoutAMappedRoleOrGroupIsRefusedAndNotWrittenToCamunda() {
        Browser browser = new Browser();
        HttpResponse<String> refused = signIn(browser, "hal.helpdesk@contoso.com", Map.of("wids", List.of(MEMBER_ROLE)));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("none of the roles or groups");
        assertThat(identityService.createUserQuery().userId("hal.helpdesk@contoso.com").count()).isZero();
        assertThat(browser.getJson(app + CURRENT_USER).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutASessionTheWebappsSendTheBrowserToEntraAndTheirApiAnswers401() {
        Browser browser = new Browser();
        HttpResponse<String> cockpit = browser.get(app + "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(location(cockpit)).isEqualTo(app + "/oauth2/authorization/entra");

        HttpResponse<String> api = browser.getJson(app + CURRENT_USER);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(isRedirect(browser.getJson(app + "/camunda/api/engine/engine/default/task"))).isFalse();
        // Camunda's password login is not reachable either.
        assertThat(browser.post(app + "/camunda/api/admin/auth/user/default/login/tasklist").statusCode()).isEqualTo(401);
    }

    @Test
    void signedInNobodyUsesCamundasPasswordLoginOrFirstAdminSetup() {
        Browser browser = new Browser();
        signIn(browser, "diego.siciliani@contoso.com", Map.of("wids", List.of(USER_ADMINISTRATOR)));

        assertThat(browser.post(app + "/camunda/api/admin/auth/user/default/login/admin").statusCode()).isEqualTo(403);
        assertThat(browser.post(app + "/camunda/api/admin/setup/default/user/create").statusCode()).isEqualTo(403);
        assertThat(browser.get(app + "/camunda/app/admin/default/setup/").statusCode()).isEqualTo(403);
        assertThat(json(browser.getJson(app + CURRENT_USER)).get("userId").asText())
                .isEqualTo("diego.siciliani@contoso.com");
    }

    @Test
    void logoutEndsTheSessionAndSignsOutOfEntra() {
        Browser browser = new Browser();
        signIn(browser, "diego.siciliani@contoso.com", Map.of("wids", List.of(USER_ADMINISTRATOR)));
        assertThat(browser.getJson(app + CURRENT_USER).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.get(app + "/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = location(logout);
        assertThat(endSession).startsWith(ENTRA.endpoint("logout") + "?");
        assertThat(Browser.query(endSession)).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", app + "/signed-out");
        assertThat(browser.getJson(app + CURRENT_USER).statusCode()).isEqualTo(401);
        HttpResponse<String> signedOut = browser.get(app + "/signed-out");
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("You have signed out");

        // Camunda's own "Log out" (what the webapps' menu calls) ends the session as well.
        signIn(browser, "diego.siciliani@contoso.com", Map.of("wids", List.of(USER_ADMINISTRATOR)));
        assertThat(browser.getJson(app + CURRENT_USER).statusCode()).isEqualTo(200);
        assertThat(browser.post(app + CURRENT_USER + "/logout").statusCode()).isEqualTo(200);
        assertThat(browser.getJson(app + CURRENT_USER).statusCode()).isEqualTo(401);
    }

    @Test
    void aPropertyLetsCamundaLoginsUseTheApiBesidesTokens() {
        User local = identityService.newUser("breakglass");
        local.setPassword("a long secret");
        identityService.saveUser(local);
        identityService.createMembership("breakglass", AdminGroups.GLOBAL_ADMINS);
        try {
            Http http = new Http(port);
            assertThat(http.get("/api/offboardings", "breakglass:a long secret").status()).isEqualTo(200);
            assertThat(http.get("/engine-rest/process-definition", "breakglass:a long secret").status()).isEqualTo(200);
            String token = ENTRA.accessToken("patti.fernandez@contoso.com", Map.of("wids", List.of(GLOBAL_ADMINISTRATOR)));
            assertThat(http.send("GET", "/api/offboardings", Map.of("Authorization", "Bearer " + token), null).status())
                    .isEqualTo(200);
            Http.Response none = http.get("/api/offboardings", null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Bearer realm=\"offboarding\"", "Basic realm=\"offboarding\", charset=\"UTF-8\"");
        } finally {
            identityService.deleteUser("breakglass");
        }
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.get(field).asText()));
        return values;
    }
}
