package dev.offboarding.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
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
