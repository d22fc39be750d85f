package dev.offboarding.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The two pages of the {@code entra} profile a person may see besides the webapps: sign-in refused, signed out. */
@RestController
@Profile(EntraSecurityConfiguration.PROFILE)
class SignInPages {

    @GetMapping(value = EntraSecurityConfiguration.SIGNED_OUT, produces = MediaType.TEXT_HTML_VALUE)
    String signedOut() {
        return page("Signed out", "You have signed out of offboarding.");
    }

    /** A sign-in Entra or this application refused: 401 and the reason, never a loop back to Entra. */
    static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription() : e.getMessage();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(page("Sign-in refused", "The sign-in with Microsoft Entra ID did not succeed: "
                + reason).getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - offboarding"
                + "</title></head><body><h1>" + title + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p>"
                + "<p><a href=\"/\">Sign in</a></p></body></html>";
    }
}
