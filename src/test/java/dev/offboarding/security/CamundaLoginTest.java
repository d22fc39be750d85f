package dev.offboarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.Http;
import dev.offboarding.OffboardingSpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without the entra profile the webapps keep Camunda's own login, and nothing of the single sign-on shows. */
@OffboardingSpringTest
class CamundaLoginTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theWebappsLogInWithCamundaPasswords() {
        String app = "http://localhost:" + port;
        Browser browser = new Browser();
        assertThat(browser.follow(app + "/camunda/app/tasklist/", app).statusCode()).isEqualTo(200);

        HttpResponse<String> login = browser.postForm(app + "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=useradmin&password=useradmin");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode user = Browser.json(login);
        assertThat(user.get("userId").asText()).isEqualTo("useradmin");
        assertThat(Browser.json(browser.getJson(app + "/camunda/api/admin/auth/user/default")).get("userId").asText())
                .isEqualTo("useradmin");

        assertThat(http.get("/oauth2/authorization/entra", null).status()).isEqualTo(404);
        assertThat(http.get("/signed-out", null).status()).isEqualTo(404);
    }

    @Test
    void theSingleSignOnPluginIsEmpty() {
        Http.Response script = http.get("/camunda/api/tasklist/plugin/sso-logout/static/app/plugin.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).isEmpty();
    }
}
