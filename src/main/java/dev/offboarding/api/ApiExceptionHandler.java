package dev.offboarding.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of {@code /api} as {@code application/problem+json}; a 500 only for a real fault of the server. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (Problems.find(e, RequestSizeLimit.TooLargeException.class) != null) {
            return ResponseEntity.status(413).body(RequestSizeLimit.problem());
        }
        JsonProcessingException json = Problems.find(e, JsonProcessingException.class);
        String detail = json != null ? Problems.describe(json)
                : "The request has no body or one that cannot be read.";
        return respond(ApiProblem.badRequest(detail));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Send the body as " + e.getSupportedMediaTypes() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This is available as " + e.getSupportedMediaTypes() + "; accept one of them."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods() + "."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> parameter(Exception e) {
        return respond(ApiProblem.badRequest("A query parameter is missing or has a wrong value: "
                + (e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getMessage()) + "."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(ApiProblem.notFound("There is nothing at " + e.getResourcePath() + "."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception e) {
        ApiProblem problem = Problems.classify(e);
        if (problem.status().is5xxServerError()) {
            log.error("Unexpected error in the API", e);
        }
        return respond(e);
    }

    private static ResponseEntity<ProblemDetail> respond(Throwable e) {
        ProblemDetail detail = Problems.of(e);
        return ResponseEntity.status(detail.getStatus()).body(detail);
    }
}
