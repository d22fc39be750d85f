package dev.offboarding.tenant.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.TenantCalls;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * HTTPS to Microsoft Graph or the Exchange Online admin API, as one tenant allows it: a bounded number of requests in
 * flight, a timeout on every call, {@code Retry-After} honoured on 429 and 503, exponential backoff with jitter on
 * other server errors and timeouts, and errors turned into messages an admin can act on.
 */
public class TenantHttp {

    /** What went wrong, in the words of the service ({@code error.code}, {@code error.message}). */
    public static class CallFailedException extends TenantException {
        private final int status;
        private final String code;

        CallFailedException(String message, int status, String code) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One request.
     *
     * @param operation  what it does, in words ("read the user")
     * @param permission what the app needs for it, named in a 403's message
     */
    public record Call(String method, URI uri, Object body, String operation, String permission,
                       Map<String, String> headers) {

        public static Call get(URI uri, String operation, String permission) {
            return new Call("GET", uri, null, operation, permission, Map.of());
        }

        public static Call send(String method, URI uri, Object body, String operation, String permission) {
            return new Call(method, uri, body, operation, permission, Map.of());
        }

        public Call withHeaders(Map<String, String> extra) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(extra);
            return new Call(method, uri, body, operation, permission, all);
        }
    }

    /** A response whose status the caller accepted; {@code json} is null for an empty body. */
    public record Response(int status, JsonNode json) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    private static final String JSON = "application/json";
    private final TenantCalls calls;
    private final String service;
    private final Supplier<String> token;
    private final GraphProperties properties;
    private final ObjectMapper json;
    private final HttpClient client;
    private final ErrorReader errors;

    /** Reads {@code code} and a readable message out of a service's error body. */
    public interface ErrorReader {
        String code(JsonNode error);

        String message(JsonNode error);
    }

    /** Graph's {@code {"error": {"code", "message"}}}. */
    public static final ErrorReader GRAPH_ERRORS = new ErrorReader() {
        @Override
        public String code(JsonNode error) {
            return error.path("error").path("code").asText("");
        }

        @Override
        public String message(JsonNode error) {
            return error.path("error").path("message").asText("");
        }
    };

    public TenantHttp(TenantCalls calls, Supplier<String> token, GraphProperties properties, ObjectMapper json,
                      HttpClient client, ErrorReader errors) {
        this.calls = calls;
        this.service = calls.service();
        this.token = token;
        this.properties = properties;
        this.json = json;
        this.client = client;
        this.errors = errors;
    }

    /**
     * The HTTP client for Microsoft 365, Graph, Exchange and Entra ID's token endpoint alike: a connection that cannot
     * be made within {@code offboarding.graph.timeout} is given up, and redirects are not followed, so a token or a
     * secret never travels to another host. Each request also has the timeout for its answer.
     */
    static HttpClient newClient(GraphProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The call policy of Microsoft 365: what {@code offboarding.graph.*} sets for concurrency, attempts and waits. */
    public static TenantCalls.Settings callSettings(GraphProperties properties) {
        return new TenantCalls.Settings(properties.maxConcurrentRequests(), properties.timeout(),
                properties.maxAttempts(), properties.maxInlineWait());
    }

    /** Sends the call and returns its JSON; any status but 2xx (after retries) throws. */
    public JsonNode json(Call call) {
        return exchange(call, Set.of()).json();
    }

    /** Sends the call; 2xx and the statuses in {@code accepted} are returned, anything else throws. */
    public Response exchange(Call call, Set<Integer> accepted) {
        HttpResponse<InputStream> response = send(call, accepted, JSON);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            return new Response(response.statusCode(), bytes.length == 0 ? null : json.readTree(bytes));
        } catch (IOException e) {
            throw new TenantException(service + " sent an answer to '" + call.operation() + "' that could not be "
                    + "read: " + e.getMessage() + ". The step is retried.", e);
        }
    }

    /**
     * Streams the response body to {@code out}, never holding it in memory. Sends no {@code Accept}: the body is what
     * the resource is (a message's {@code $value} is MIME, message/rfc822 text), not JSON.
     */
    public void download(Call call, OutputStream out) throws IOException {
        HttpResponse<InputStream> response = send(call, Set.of(), null);
        try (InputStream body = response.body()) {
            body.transferTo(out);
        }
    }

    /** @param accept the media type asked for, or null to ask for none */
    private HttpResponse<InputStream> send(Call call, Set<Integer> accepted, String accept) {
        return calls.call(call.operation(), () -> {
            HttpResponse<InputStream> response;
            try {
                response = sendOnce(call, accept);
            } catch (HttpConnectTimeoutException e) {
                return new TenantCalls.Retry<>(null, "could not be reached within " + readable(properties.timeout())
                        + " (offboarding.graph.timeout)", "timeout");
            } catch (HttpTimeoutException e) {
                return new TenantCalls.Retry<>(null, "did not answer within " + readable(properties.timeout())
                        + " (offboarding.graph.timeout)", "timeout");
            }
            int status = response.statusCode();
            if (status / 100 == 2 || accepted.contains(status)) {
                return new TenantCalls.Done<>(response, String.valueOf(status));
            }
            JsonNode error = readError(response);
            if (RETRIED.contains(status)) {
                return new TenantCalls.Retry<>(retryAfter(response).orElse(null), "answered " + status + describe(error),
                        String.valueOf(status));
            }
            throw failure(call, status, error, response);
        });
    }

    private HttpResponse<InputStream> sendOnce(Call call, String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + token.get());
        if (accept != null) {
            request.header("Accept", accept);
        }
        call.headers().forEach(request::header);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body())));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while calling " + service + "; the step is retried.", e);
        }
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                // Graph sends fractions ("Retry-After: 2.128"); HTTP allows whole seconds or a date.
                double seconds = Double.parseDouble(value.trim());
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    /** The error body as JSON; null when empty or not JSON (Exchange answers some 403s with NUL bytes). */
    private JsonNode readError(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(64 * 1024);
            return bytes.length == 0 || bytes[0] == 0 ? null : json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private CallFailedException failure(Call call, int status, JsonNode error, HttpResponse<?> response) {
        String code = error == null ? "" : errors.code(error);
        String requestId = response.headers().firstValue("request-id").map(id -> " request-id " + id).orElse("");
        String said = describe(error) + requestId;
        String message = switch (status) {
            case 401 -> service + " refused the app's token when it tried to " + call.operation() + " (401" + said
                    + "). Check offboarding.graph.tenant-id, client-id and the client secret or certificate, then "
                    + "retry the step.";
            case 403 -> service + " did not allow the app to " + call.operation() + " (403" + said + "). The app "
                    + "registration needs " + call.permission() + " (see docs/microsoft-365.md); grant it with admin "
                    + "consent, then retry the step.";
            case 404 -> service + " found nothing when it tried to " + call.operation() + " (404" + said + ").";
            default -> service + " refused to " + call.operation() + " (" + status + said + ").";
        };
        return new CallFailedException(message, status, code);
    }

    /** ": code: message" from an error response, shortened, for messages. */
    String describe(JsonNode error) {
        if (error == null) {
            return "";
        }
        String code = errors.code(error);
        String message = errors.message(error);
        String text = (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
