package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Microsoft Entra ID, Microsoft Graph and the Exchange Online admin API on a local port, and the
 * adapter wired to it the way the application wires it.
 */
final class GraphContract implements AutoCloseable {

    static final String TENANT = "4a5d8f65-41da-4de4-8968-e035b65339cf";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "s3cr3t~value";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String EXCHANGE_PATH = "/adminapi/beta/" + TENANT + "/InvokeCommand";

    final WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final TenantHttp.Sleeper sleeper = duration -> {
        waits.add(duration);
        Thread.sleep(duration.toMillis());
    };
    final ObjectMapper json = new ObjectMapper();

    GraphContract() {
        server.start();
        stubTokens(3600);
    }

    void stubTokens(int expiresIn) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                                + ",\"access_token\":\"graph-token\"}")));
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("scope=https%3A%2F%2Foutlook.office365.com%2F.default"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                                + ",\"access_token\":\"exchange-token\"}")));
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    GraphProperties properties() {
        return properties(SECRET, null, null, 3);
    }

    GraphProperties properties(String secret, Path certificate, String certificatePassword, int maxAttempts) {
        return new GraphProperties(TENANT, CLIENT, secret, certificate, certificatePassword, URI.create(url()),
                URI.create(url() + "/v1.0"), "offboarding@contoso.com", 4, Duration.ofSeconds(5), maxAttempts,
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(200));
    }

    TenantHttp http(String service, AccessTokens tokens, boolean exchange, GraphProperties properties) {
        return new TenantHttp(service, exchange ? tokens::exchange : tokens::graph, properties, json,
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), sleeper,
                TenantCallListener.NONE, exchange ? ExchangeCommands.ERRORS : TenantHttp.GRAPH_ERRORS);
    }

    GraphApi graph() {
        GraphProperties properties = properties();
        return new GraphApi(http("Microsoft Graph", new AccessTokens(properties), false, properties), properties);
    }

    ExchangeCommands exchange() {
        GraphProperties properties = properties();
        return new ExchangeCommands(http("Exchange Online", new AccessTokens(properties), true, properties),
                new ExchangeProperties(URI.create(url() + "/adminapi/beta")), properties);
    }

    @Override
    public void close() {
        server.stop();
    }
}
