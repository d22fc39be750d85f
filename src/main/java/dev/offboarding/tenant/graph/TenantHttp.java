package dev.offboarding.tenant.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

    /** Sleeps between attempts; a field so tests can watch the waits. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(20);

    private final String service;
    private final Supplier<String> token;
    private final GraphProperties properties;
    private final ObjectMapper json;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final Sleeper sleeper;
    private final TenantCallListener listener;
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

    public TenantHttp(String service, Supplier<String> token, GraphProperties properties, ObjectMapper json,
                      HttpClient client, Sleeper sleeper, TenantCallListener listener, ErrorReader errors) {
        this.errors = errors;
        this.service = service;
        this.token = token;
        this.properties = properties;
        this.json = json;
        this.client = client;
        this.inFlight = new Semaphore(Math.max(1, properties.maxConcurrentRequests()), true);
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /** Sends the call and returns its JSON; any status but 2xx (after retries) throws. */
    public JsonNode json(Call call) {
        return exchange(call, Set.of()).json();
    }

    /** Sends the call; 2xx and the statuses in {@code accepted} are returned, anything else throws. */
    public Response exchange(Call call, Set<Integer> accepted) {
        HttpResponse<InputStream> response = send(call, accepted);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            return new Response(response.statusCode(), bytes.length == 0 ? null : json.readTree(bytes));
        } catch (IOException e) {
            throw new TenantException(service + " sent an answer to '" + call.operation() + "' that could not be "
                    + "read: " + e.getMessage() + ". The step is retried.", e);
        }
    }

    /** Streams the response body to {@code out}, never holding it in memory. */
    public void download(Call call, OutputStream out) throws IOException {
        HttpResponse<InputStream> response = send(call, Set.of());
        try (InputStream body = response.body()) {
            body.transferTo(out);
        }
    }

    private HttpResponse<InputStream> send(Call call, Set<Integer> accepted) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = sendOnce(call);
            } catch (IOException e) {
                listener.called(service, call.operation(), "error", System.nanoTime() - started);
                waitBeforeRetry(call, attempt, null, "did not answer in time or the connection failed ("
                        + e.getClass().getSimpleName() + ")");
                continue;
            }
            int status = response.statusCode();
            listener.called(service, call.operation(), String.valueOf(status), System.nanoTime() - started);
            if (status / 100 == 2 || accepted.contains(status)) {
                return response;
            }
            JsonNode error = readError(response);
            if (RETRIED.contains(status)) {
                Duration retryAfter = retryAfter(response).orElse(null);
                if (retryAfter != null) {
                    listener.throttled(service, call.operation(), retryAfter);
                }
                waitBeforeRetry(call, attempt, retryAfter, "answered " + status + describe(error));
                continue;
            }
            throw failure(call, status, error, response);
        }
    }

    private HttpResponse<InputStream> sendOnce(Call call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
        call.headers().forEach(request::header);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body())));
        }
        boolean acquired = false;
        try {
            acquired = inFlight.tryAcquire(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new IOException("no free slot for a request to " + service + " within " + properties.timeout());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while calling " + service + "; the step is retried.", e);
        } finally {
            if (acquired) {
                inFlight.release();
            }
        }
    }

    private void waitBeforeRetry(Call call, int attempt, Duration retryAfter, String what) {
        if (attempt >= properties.maxAttempts()) {
            throw new TenantException(service + " " + what + " to '" + call.operation() + "' " + attempt
                    + " times in a row. It is probably busy or throttling this tenant; the step is retried later. "
                    + "If this persists, check https://admin.microsoft.com service health.");
        }
        Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
        if (wait.compareTo(properties.maxInlineWait()) > 0) {
            throw new TenantException(service + " " + what + " to '" + call.operation() + "' and asks to wait "
                    + wait.toSeconds() + " s; the step is retried after that.");
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while waiting to call " + service + " again; the step is retried.", e);
        }
    }

    /** Exponential backoff with full jitter: up to base * 2^(attempt-1), capped. */
    static Duration backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
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
