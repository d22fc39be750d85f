package dev.offboarding.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error of the API that an admin can act on; becomes an RFC 9457 problem response. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<String> problems;

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<String> problems) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<String> problems() {
        return problems;
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
    }

    static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, List.of(detail));
    }
}
