package dev.offboarding.tenant.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.web.util.UriUtils;

/** Microsoft Graph v1.0 requests: URLs with encoded path segments, paging with {@code @odata.nextLink}, 404 as absent. */
public class GraphApi {

    private final TenantHttp http;
    private final String baseUrl;

    public GraphApi(TenantHttp http, GraphProperties properties) {
        this.http = http;
        this.baseUrl = GraphProperties.stripSlash(properties.baseUrl().toString());
    }

    /** {@code /users/{x}/...}: each {@code {}} in the template is replaced by the next value, encoded as a path segment. */
    public URI url(String template, Object... segments) {
        StringBuilder url = new StringBuilder(baseUrl);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.startsWith("{}", i)) {
                url.append(UriUtils.encodePathSegment(String.valueOf(segments[next++]), StandardCharsets.UTF_8));
                i++;
            } else {
                url.append(template.charAt(i));
            }
        }
        return URI.create(url.toString());
    }

    public JsonNode get(URI uri, String operation, String permission) {
        return http.json(TenantHttp.Call.get(uri, operation, permission));
    }

    /** The resource, or empty when Graph answers 404. */
    public Optional<JsonNode> find(URI uri, String operation, String permission) {
        TenantHttp.Response response = http.exchange(TenantHttp.Call.get(uri, operation, permission), Set.of(404));
        return response.status() == 404 ? Optional.empty() : Optional.ofNullable(response.json());
    }

    public JsonNode send(String method, URI uri, Object body, String operation, String permission) {
        return http.json(TenantHttp.Call.send(method, uri, body, operation, permission));
    }

    /** Sends and accepts 404 as "already so"; true when the request did something. */
    public boolean sendUnlessAbsent(String method, URI uri, Object body, String operation, String permission) {
        return http.exchange(TenantHttp.Call.send(method, uri, body, operation, permission), Set.of(404)).status() != 404;
    }

    /** Every item of a collection, following {@code @odata.nextLink} page by page. */
    public void forEach(URI first, Map<String, String> headers, String operation, String permission,
                        Consumer<JsonNode> action) {
        if (!forEachUnlessAbsent(first, headers, operation, permission, action)) {
            http.json(TenantHttp.Call.get(first, operation, permission).withHeaders(headers)); // throws the 404's message
        }
    }

    /** Like {@link #forEach}, but a collection that Graph answers with 404 is absent: false, nothing handed on. */
    public boolean forEachUnlessAbsent(URI first, Map<String, String> headers, String operation, String permission,
                                       Consumer<JsonNode> action) {
        URI next = first;
        while (next != null) {
            TenantHttp.Response page = http.exchange(TenantHttp.Call.get(next, operation, permission).withHeaders(headers),
                    next == first ? Set.of(404) : Set.of());
            if (page.status() == 404) {
                return false;
            }
            page.json().path("value").forEach(action);
            String link = page.json().path("@odata.nextLink").asText(null);
            next = link == null ? null : URI.create(link);
        }
        return true;
    }

    public void forEach(URI first, String operation, String permission, Consumer<JsonNode> action) {
        forEach(first, Map.of(), operation, permission, action);
    }

    public TenantHttp http() {
        return http;
    }
}
