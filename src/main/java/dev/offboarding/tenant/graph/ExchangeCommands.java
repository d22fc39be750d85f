package dev.offboarding.tenant.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.TenantException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Exchange Online cmdlets over the admin API the Exchange Online PowerShell V3 module uses:
 * {@code POST {base-url}/{tenantId}/InvokeCommand} with {@code {"CmdletInput":{"CmdletName":..,"Parameters":{..}}}}.
 */
public class ExchangeCommands {

    /** The mailbox that routes app-only admin requests, the same in every tenant. */
    static final String ROUTING_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

    /**
     * Exchange's error body: {@code error.details[0].message} reads {@code <id>|<exception type>|<text>}; the outer
     * message is generic.
     */
    public static final TenantHttp.ErrorReader ERRORS = new TenantHttp.ErrorReader() {
        @Override
        public String code(JsonNode error) {
            String[] parts = detail(error).split("\\|");
            return parts.length >= 3 ? parts[1].substring(parts[1].lastIndexOf('.') + 1)
                    : error.path("error").path("code").asText("");
        }

        @Override
        public String message(JsonNode error) {
            String[] parts = detail(error).split("\\|");
            return parts.length >= 3 ? parts[2] : error.path("error").path("message").asText("");
        }

        private String detail(JsonNode error) {
            return error.path("error").path("details").path(0).path("message").asText("");
        }
    };

    private final TenantHttp http;
    private final URI endpoint;
    private final String anchor;

    public ExchangeCommands(TenantHttp http, ExchangeProperties exchange, GraphProperties graph) {
        this.http = http;
        this.endpoint = URI.create(GraphProperties.stripSlash(exchange.baseUrl().toString()) + "/" + graph.tenantId()
                + "/InvokeCommand");
        this.anchor = "APP:" + ROUTING_MAILBOX + "@" + graph.tenantId();
    }

    /** Runs the cmdlet and returns the objects it output (every page). */
    public List<JsonNode> invoke(String cmdlet, Map<String, Object> parameters, String operation) {
        return invoke(cmdlet, parameters, operation, GraphPermissions.EXCHANGE);
    }

    /** Like {@link #invoke(String, Map, String)}, naming {@code permission} (permission and role) in a 403. */
    public List<JsonNode> invoke(String cmdlet, Map<String, Object> parameters, String operation, String permission) {
        return run(cmdlet, parameters, operation, permission, false).orElseThrow();
    }

    /** Like {@link #invoke}, but an object that does not exist (404) gives empty. */
    public Optional<List<JsonNode>> invokeUnlessNotFound(String cmdlet, Map<String, Object> parameters, String operation) {
        return invokeUnlessNotFound(cmdlet, parameters, operation, GraphPermissions.EXCHANGE);
    }

    public Optional<List<JsonNode>> invokeUnlessNotFound(String cmdlet, Map<String, Object> parameters, String operation,
                                                         String permission) {
        return run(cmdlet, parameters, operation, permission, true);
    }

    private Optional<List<JsonNode>> run(String cmdlet, Map<String, Object> parameters, String operation,
                                         String permission, boolean notFoundIsEmpty) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("CmdletName", cmdlet);
        input.put("Parameters", parameters);
        Map<String, Object> body = Map.of("CmdletInput", input);
        List<JsonNode> output = new ArrayList<>();
        URI next = endpoint;
        while (next != null) {
            TenantHttp.Call call = TenantHttp.Call.send("POST", next, body, operation, permission)
                    .withHeaders(Map.of(
                            "X-ResponseFormat", "json",
                            "X-AnchorMailbox", anchor,
                            "X-CmdletName", cmdlet,
                            "Prefer", "odata.maxpagesize=1000",
                            "Accept-Language", "en-US",
                            "client-request-id", UUID.randomUUID().toString()));
            TenantHttp.Response response = http.exchange(call, notFoundIsEmpty ? Set.of(404) : Set.of());
            if (response.status() == 404) {
                return Optional.empty();
            }
            JsonNode page = response.json();
            if (page == null) {
                break;
            }
            JsonNode errors = page.path("@adminapi.errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String text = first.isTextual() ? first.asText()
                        : first.hasNonNull("message") ? first.path("message").asText() : first.toString();
                throw new TenantException("Exchange Online could not " + operation + " (" + cmdlet + "): " + text
                        + ". Fix the cause, then retry the step.");
            }
            page.path("value").forEach(output::add);
            String link = page.path("@odata.nextLink").asText(null);
            // The module follows a page link by sending the same command again to it.
            next = link == null ? null : URI.create(link);
        }
        return Optional.of(output);
    }
}
