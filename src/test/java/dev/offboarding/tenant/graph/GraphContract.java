package dev.offboarding.tenant.graph;

import dev.offboarding.tenant.TenantCallListener;
import dev.offboarding.tenant.TenantCalls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

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
    /** The routing mailbox every app-only request to the Exchange admin API is anchored to. */
    static final String EXCHANGE_ANCHOR = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT;

    final WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final TenantCalls.Sleeper sleeper = duration -> {
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

    /** {@link #properties()} with another timeout for each call. */
    GraphProperties properties(Duration timeout) {
        GraphProperties p = properties();
        return new GraphProperties(p.tenantId(), p.clientId(), p.clientSecret(), p.certificate(),
                p.certificatePassword(), p.authorityUrl(), p.baseUrl(), p.mailSender(), p.maxConcurrentRequests(),
                timeout, p.maxAttempts(), p.maxInlineWait(), p.sharedMailboxWait(), p.sharedMailboxPollInterval());
    }

    TenantHttp http(String service, AccessTokens tokens, boolean exchange, GraphProperties properties) {
        return new TenantHttp(new TenantCalls(service, TenantHttp.callSettings(properties), sleeper, TenantCallListener.NONE),
                exchange ? tokens::exchange : tokens::graph, properties, json, TenantHttp.newClient(properties),
                exchange ? ExchangeCommands.ERRORS : TenantHttp.GRAPH_ERRORS);
    }

    GraphApi graph() {
        return graph(properties());
    }

    GraphApi graph(GraphProperties properties) {
        return new GraphApi(http("Microsoft Graph", new AccessTokens(properties), false, properties), properties);
    }

    ExchangeCommands exchange() {
        GraphProperties properties = properties();
        return new ExchangeCommands(http("Exchange Online", new AccessTokens(properties), true, properties),
                new ExchangeProperties(URI.create(url() + "/adminapi/beta")), properties);
    }

    GraphDirectory directory() {
        return new GraphDirectory(graph(), exchange());
    }

    GraphCalendars calendars() {
        return new GraphCalendars(graph());
    }

    GraphMailboxes mailboxes() {
        return new GraphMailboxes(graph(), exchange(), properties(), sleeper);
    }

    GraphOneDrive oneDrive() {
        return new GraphOneDrive(graph());
    }

    GraphLicensing licensing(GraphLicensingSettings settings) {
        return new GraphLicensing(graph(), properties(), settings);
    }

    GraphMailer mailer(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        return new GraphMailer(graph(), properties(), jdbc, transactionManager, clock);
    }

    /** A stub for one Exchange cmdlet sent to InvokeCommand, told apart by its {@code X-CmdletName} header. */
    static MappingBuilder cmdlet(String name) {
        return post(urlEqualTo(EXCHANGE_PATH)).withHeader("X-CmdletName", equalTo(name));
    }

    /** The request the Exchange Online PowerShell module sends for the cmdlet with these parameters (JSON). */
    static RequestPatternBuilder cmdletCalled(String name, String parameters) {
        return postRequestedFor(urlEqualTo(EXCHANGE_PATH))
                .withHeader("Authorization", equalTo("Bearer exchange-token"))
                .withHeader("X-AnchorMailbox", equalTo(EXCHANGE_ANCHOR))
                .withHeader("X-ResponseFormat", equalTo("json"))
                .withHeader("X-CmdletName", equalTo(name))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"CmdletInput\":{\"CmdletName\":\"" + name + "\",\"Parameters\":"
                        + parameters + "}}"));
    }

    /** Graph's answer when the app lacks the permission (or, for an admin user, the role) for the request. */
    static ResponseDefinitionBuilder graphForbidden() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"Authorization_RequestDenied",
                 "message":"Insufficient privileges to complete the operation.",
                 "innerError":{"date":"2026-11-20T10:00:00","request-id":"0d2e6f9a-8c1b-4a3e-9f2d-5b6c7d8e9f01",
                               "client-request-id":"0d2e6f9a-8c1b-4a3e-9f2d-5b6c7d8e9f01"}}}""");
    }

    /** Graph's 404 for something that is not there (any more). */
    static ResponseDefinitionBuilder graphNotFound(String code, String message) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"%s","message":"%s",
                 "innerError":{"date":"2026-11-20T10:00:00","request-id":"7b1f2d3a-0c4e-4f5a-9b6c-1d2e3f4a5b6c",
                               "client-request-id":"7b1f2d3a-0c4e-4f5a-9b6c-1d2e3f4a5b6c"}}}""".formatted(code, message));
    }

    /** InvokeCommand's answer: the cmdlet's output objects in "value". */
    static String exchangeOutput(String... objects) {
        return """
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "adminapi.warnings@odata.type":"#Collection(String)","@adminapi.warnings":[],
                 "value":[%s]}""".formatted(TENANT, String.join(",", objects));
    }

    /** InvokeCommand's answer for a cmdlet that outputs nothing, like Set-Mailbox. */
    static String exchangeNoOutput() {
        return """
                {"value":[],"@adminapi.warnings":[]}""";
    }

    /**
     * InvokeCommand's answer when the cmdlet fails: the generic outer error, the exception type and its text in
     * {@code error.details[0].message} as {@code <id>|<exception type>|<text>}.
     */
    static ResponseDefinitionBuilder exchangeError(int status, String exceptionType, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"%s","message":"Error executing cmdlet",
                 "details":[{"code":"Client","target":"","message":"Ex6F9304|%s|%s"}],
                 "innerError":{"message":"Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException"}}}"""
                .formatted(status == 404 ? "NotFound" : "BadRequest", exceptionType, text.replace("\"", "\\\"")));
    }

    /** Exchange's answer for an object it cannot find. */
    static ResponseDefinitionBuilder exchangeNotFound(String identity) {
        return exchangeError(404, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                "The operation couldn't be performed because object '" + identity + "' couldn't be found on "
                        + "'AM0PR01A002DC01.EURPRD01.PROD.OUTLOOK.COM'.");
    }

    /** The requests the adapter sent, token requests left out, oldest first. */
    List<LoggedRequest> sent() {
        List<LoggedRequest> requests = new ArrayList<>();
        server.getAllServeEvents().forEach(event -> requests.add(event.getRequest()));
        Collections.reverse(requests); // WireMock lists the newest first
        requests.removeIf(request -> request.getUrl().equals(TOKEN_PATH));
        return requests;
    }

    /** "METHOD url" of every request the adapter sent, token requests left out, oldest first. */
    List<String> requests() {
        return sent().stream().map(request -> request.getMethod() + " " + request.getUrl()).toList();
    }

    /** The cmdlets sent to Exchange Online, oldest first. */
    List<String> cmdlets() {
        return sent().stream().filter(request -> request.getUrl().equals(EXCHANGE_PATH))
                .map(request -> request.getHeader("X-CmdletName")).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
