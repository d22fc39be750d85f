package dev.offboarding.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 of {@code /api} as RFC 9457 problem details, like every other error of the API. */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"offboarding\", charset=\"UTF-8\"");
            write(response, 401, "unauthenticated", "Authentication required",
                    "Log in with the user name and password you use for Tasklist (HTTP Basic authentication).");
        };
    }

    /**
     * The 401 of the {@code entra} profile: {@code WWW-Authenticate: Bearer} with the reason a token was refused
     * (RFC 6750), and {@code Basic} too where Basic logins are still allowed.
     */
    AuthenticationEntryPoint unauthenticatedWithoutBearerToken(boolean basicAllowed) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        bearer.setRealmName("offboarding");
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            if (basicAllowed) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"offboarding\", charset=\"UTF-8\"");
            }
            String refused = e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                    ? oauth.getError().getDescription() : null;
            String detail = refused != null
                    ? "The access token was not accepted: " + refused
                    : "Send an access token that Microsoft Entra ID issued for this application: "
                            + "Authorization: Bearer <token>" + (basicAllowed
                            ? ", or the user name and password of a Camunda login (HTTP Basic authentication)." : ".");
            write(response, 401, "unauthenticated", "Authentication required", detail);
        };
    }

    /** 503: the token could not be checked because Entra ID (its discovery document or keys) could not be read. */
    void identityProviderUnavailable(HttpServletResponse response, String reason) throws IOException {
        response.setHeader("Retry-After", "30");
        write(response, 503, "identity-provider-unavailable", "Microsoft Entra ID unavailable",
                "The access token could not be checked: " + reason + (reason.endsWith(".") ? "" : ".")
                        + " Try again in a moment.");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "forbidden", "Not allowed",
                "Your groups do not allow this. Starting, cancelling and restoring offboardings needs global-admins "
                        + "or user-admins; reading them needs one of global-admins, user-admins, billing-admins.");
    }

    /** A request the firewall refuses (encoded slashes, ".." segments, odd characters in the path). */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> write(response, 400, "invalid-request", "Invalid request",
                "The request's path or headers hold characters that are not allowed (" + e.getMessage() + ").");
    }

    private void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:offboarding:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
