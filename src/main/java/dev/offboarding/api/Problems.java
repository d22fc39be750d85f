package dev.offboarding.api;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.offboarding.process.DecisionRules;
import dev.offboarding.process.NotAllowedToDecideException;
import dev.offboarding.process.OffboardingAlreadyRunningException;
import dev.offboarding.process.OffboardingRequestException;
import dev.offboarding.tenant.TenantException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Turns what went wrong into a problem a person understands, the same way for a single request and a bulk row. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(Throwable error) {
        ApiProblem problem = classify(error);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setType(URI.create("urn:offboarding:problem:" + problem.type()));
        detail.setTitle(problem.title());
        if (!problem.problems().isEmpty()) {
            detail.setProperty("problems", problem.problems());
        }
        OffboardingAlreadyRunningException running = find(error, OffboardingAlreadyRunningException.class);
        if (running != null) {
            detail.setProperty("runningOffboarding", "/api/offboardings/" + running.processInstanceId());
        }
        return detail;
    }

    static ApiProblem classify(Throwable error) {
        ApiProblem api = find(error, ApiProblem.class);
        if (api != null) {
            return api;
        }
        OffboardingRequestException request = find(error, OffboardingRequestException.class);
        if (request != null) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid offboarding request",
                    request.getMessage(), request.problems());
        }
        OffboardingAlreadyRunningException running = find(error, OffboardingAlreadyRunningException.class);
        if (running != null) {
            return new ApiProblem(HttpStatus.CONFLICT, "already-running", "Already being offboarded", running.getMessage());
        }
        NotAllowedToDecideException decide = find(error, NotAllowedToDecideException.class);
        if (decide != null) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", decide.getMessage());
        }
        AuthorizationException denied = find(error, AuthorizationException.class);
        if (denied != null) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Camunda's authorizations do not allow this for your groups: " + denied.getMessage());
        }
        TenantException tenant = find(error, TenantException.class);
        if (tenant != null) {
            return new ApiProblem(HttpStatus.BAD_GATEWAY, "tenant-unavailable", "The tenant did not answer as expected",
                    tenant.getMessage());
        }
        JsonProcessingException json = find(error, JsonProcessingException.class);
        if (json != null) {
            return ApiProblem.badRequest(describe(json));
        }
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be handled because of an error on the server. It has been logged; "
                        + "try again, and if it persists tell the operators the time of the request.");
    }

    /** What is wrong with a JSON body, in words, without echoing large or odd input. */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "Unknown field '" + DecisionRules.printable(unknown.getPropertyName()) + "'"
                    + (known.isEmpty() ? "." : ". Allowed fields here: " + known + ".");
        }
        if (e instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has a value of the wrong type ("
                    + DecisionRules.printable(String.valueOf(invalid.getValue())) + ").";
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "Field '" + path(mismatched) + "' has a value of the wrong type.";
        }
        return "The body is not valid JSON: " + DecisionRules.printable(
                String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")) + ".";
    }

    private static String path(MismatchedInputException e) {
        List<String> names = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .toList();
        return DecisionRules.printable(String.join(".", names));
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
