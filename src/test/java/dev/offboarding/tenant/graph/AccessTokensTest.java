package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-credentials tokens from Microsoft Entra ID: one per resource, cached, with a secret or a certificate. */
class AccessTokensTest {

    private final GraphContract contract = new GraphContract();

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void oneTokenPerResourceIsRequestedAndCached() {
        AccessTokens tokens = new AccessTokens(contract.properties());
        assertThat(tokens.graph()).isEqualTo("graph-token");
        assertThat(tokens.graph()).isEqualTo("graph-token");
        assertThat(tokens.exchange()).isEqualTo("exchange-token");
        assertThat(tokens.exchange()).isEqualTo("exchange-token");
        contract.server.verify(1, postRequestedFor(urlEqualTo(GraphContract.TOKEN_PATH))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        contract.server.verify(1, postRequestedFor(urlEqualTo(GraphContract.TOKEN_PATH))
                .withRequestBody(containing("scope=https%3A%2F%2Foutlook.office365.com%2F.default")));

        Map<String, String> form = form(contract.server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(form).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", GraphContract.CLIENT)
                .containsEntry("client_secret", GraphContract.SECRET);
    }

    @Test
    void aTokenCloseToItsExpiryIsRenewed() {
        contract.stubTokens(120);
        AccessTokens tokens = new AccessTokens(contract.properties());
        tokens.graph();
        tokens.graph();
        contract.server.verify(2, postRequestedFor(urlEqualTo(GraphContract.TOKEN_PATH)));
    }

    @Test
    void aCertificateSignsAClientAssertionInsteadOfASecret() throws Exception {
        Path certificate = directory.resolve("app.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=offboarding",
                "-validity", "30", "-storetype", "PKCS12", "-keystore", certificate.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        AccessTokens tokens = new AccessTokens(contract.properties(null, certificate, "changeit", 3));
        assertThat(tokens.graph()).isEqualTo("graph-token");

        Map<String, String> form = form(contract.server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(form).doesNotContainKey("client_secret")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("grant_type", "client_credentials");
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        X509Certificate x509 = load(certificate);
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("PS256");
        assertThat(assertion.getHeader().getX509CertSHA256Thumbprint())
                .isEqualTo(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded())));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) x509.getPublicKey()))).isTrue();
        var claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(GraphContract.CLIENT);
        assertThat(claims.getSubject()).isEqualTo(GraphContract.CLIENT);
        assertThat(claims.getAudience()).containsExactly(contract.url() + GraphContract.TOKEN_PATH);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getNotBeforeTime());
    }

    @Test
    void refusedCredentialsSayWhatToCheckWithoutTheSecret() {
        contract.server.stubFor(post(urlEqualTo(GraphContract.TOKEN_PATH)).atPriority(1).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.","error_codes":[7000215]}""")));
        AccessTokens tokens = new AccessTokens(contract.properties());
        assertThatThrownBy(tokens::graph).isInstanceOf(TenantException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("AADSTS7000215")
                .hasMessageContaining("offboarding.graph.tenant-id, client-id")
                .hasMessageNotContaining(GraphContract.SECRET);
    }

    @Test
    void anEntraIdThatTakesNoConnectionFailsTheStepWithinTheTimeout() throws Exception {
        try (ServerSocket entra = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> waiting = fillBacklog(entra);
            try {
                GraphProperties properties = entraIdAt(entra.getLocalPort());
                AccessTokens tokens = new AccessTokens(properties);

                long started = System.nanoTime();
                assertThatThrownBy(tokens::graph).isInstanceOf(TenantException.class)
                        .hasMessageContaining("Could not get a token from " + properties.tokenUri()
                                + ": Microsoft Entra ID did not answer within 1 s (offboarding.graph.timeout). Check "
                                + "the network and offboarding.graph.authority-url")
                        .hasMessageNotContaining("credentials")
                        .hasMessageNotContaining(GraphContract.SECRET)
                        .hasRootCauseInstanceOf(HttpTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            } finally {
                for (Socket socket : waiting) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void anEntraIdNobodyListensForIsTheNetworkNotTheCredentials() throws Exception {
        int closed;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = nobody.getLocalPort();
        }
        GraphProperties properties = entraIdAt(closed);

        assertThatThrownBy(new AccessTokens(properties)::exchange).isInstanceOf(TenantException.class)
                .hasMessageStartingWith("Could not get a token from " + properties.tokenUri() + ": ConnectException")
                .hasMessageContaining("Check the network and offboarding.graph.authority-url")
                .hasMessageNotContaining("credentials");
    }

    @Test
    void theClientGivesUpAConnectionAfterTheTimeoutAndFollowsNoRedirect() {
        GraphProperties properties = contract.properties();
        HttpClient client = TenantHttp.newClient(properties);
        assertThat(client.connectTimeout()).contains(properties.timeout());
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void missingSettingsAreNamedAtStartUp() {
        assertThatThrownBy(() -> new AccessTokens(contract.properties(null, null, null, 3)))
                .hasMessageContaining("OFFBOARDING_GRAPH_CLIENT_SECRET");
        assertThat(contract.properties().toString()).doesNotContain(GraphContract.SECRET);
    }

    /** The contract's settings with Entra ID on another local port and a timeout of one second. */
    private GraphProperties entraIdAt(int port) {
        GraphProperties p = contract.properties();
        return new GraphProperties(p.tenantId(), p.clientId(), p.clientSecret(), null, null,
                URI.create("http://127.0.0.1:" + port), p.baseUrl(), p.mailSender(), p.maxConcurrentRequests(),
                Duration.ofSeconds(1), p.maxAttempts(), p.maxInlineWait(), p.sharedMailboxWait(),
                p.sharedMailboxPollInterval());
    }

    /**
     * Connections to {@code server} until the next one is not taken: a server that never accepts, with a full queue,
     * as a host that drops the connection attempts (Linux ignores the handshake while the accept queue is full).
     */
    private static List<Socket> fillBacklog(ServerSocket server) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 300);
                sockets.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return sockets;
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        Assumptions.abort("This system's TCP stack answers connections beyond the accept queue; cannot test a host "
                + "that takes no connection.");
        return sockets;
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static X509Certificate load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) store.getCertificate("app");
    }
}
