package dev.offboarding.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Microsoft Entra ID for one tenant as WireMock plays it: the v2.0 discovery document, the signing keys, the
 * authorization endpoint (which signs everyone in at once and sends the browser back with a code and the state it
 * was given), the token endpoint (whose ID token a test sets before each sign-in) and the logout endpoint. Tokens are
 * signed with an RSA key made for the test run, as Entra signs them with RS256.
 */
public final class EntraStub implements AutoCloseable {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String CLIENT_ID = "5c9a4ce3-6a7e-4d2d-9f7e-0c1b2f3a4d5e";
    public static final String CLIENT_SECRET = "test-only-client-secret";
    public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    public static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    public static final String BILLING_ADMINISTRATOR = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
    /** The role every member of a tenant has ("User"); mapped to nothing. */
    public static final String MEMBER_ROLE = "b79fbf4d-3ef9-4689-8143-76b194e85509";
    public static final String CODE = "0.AXkAv4j5cvGGr0GRqy180BHbR-sample-code";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
    private final RSAKey key;
    private final RSAKey strangerKey;

    public EntraStub() {
        try {
            key = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.start();
        stub();
    }

    public String authority() {
        return "http://localhost:" + server.port();
    }

    public String issuer() {
        return authority() + "/" + TENANT + "/v2.0";
    }

    public String endpoint(String name) {
        return authority() + "/" + TENANT + "/oauth2/v2.0/" + name;
    }

    /** Forgets the requests seen so far. */
    public void forgetRequests() {
        server.resetRequests();
    }

    public List<LoggedRequest> tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")));
    }

    private void stub() {
        server.stubFor(get(urlEqualTo("/" + TENANT + "/v2.0/.well-known/openid-configuration")).willReturn(okJson("""
                {
                  "issuer": "%1$s",
                  "authorization_endpoint": "%2$s/authorize",
                  "token_endpoint": "%2$s/token",
                  "end_session_endpoint": "%2$s/logout",
                  "jwks_uri": "%3$s/%4$s/discovery/v2.0/keys",
                  "response_modes_supported": ["query", "fragment", "form_post"],
                  "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                  "scopes_supported": ["openid", "profile", "email", "offline_access"],
                  "subject_types_supported": ["pairwise"],
                  "id_token_signing_alg_values_supported": ["RS256"],
                  "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
                  "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "preferred_username", "name", "tid", "ver", "oid"],
                  "tenant_region_scope": "EU"
                }""".formatted(issuer(), authority() + "/" + TENANT + "/oauth2/v2.0", authority(), TENANT))));
        server.stubFor(get(urlEqualTo("/" + TENANT + "/discovery/v2.0/keys"))
                .willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        // Signs the user in without asking and sends the browser back to the application, as Entra does.
        server.stubFor(get(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/authorize")).willReturn(aResponse()
                .withStatus(302)
                .withHeader("Location", "{{{request.query.redirect_uri}}}?code=" + CODE
                        + "&state={{{urlEncode request.query.state}}}&session_state=" + UUID.randomUUID())
                .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/logout"))
                .willReturn(aResponse().withStatus(200).withBody("You signed out of your account")));
    }

    /** The next code exchange answers with an ID token for these claims and the nonce of the sign-in. */
    public void nextSignIn(String nonce, JWTClaimsSet.Builder claims) {
        String idToken = sign(claims.audience(CLIENT_ID).claim("nonce", nonce).build(), key);
        server.stubFor(post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(okJson("""
                {"token_type": "Bearer", "scope": "openid profile email User.Read", "expires_in": 4557,
                 "ext_expires_in": 4557, "access_token": "eyJ0eXAiOiJKV1QiLCJub25jZSI6Im9wYXF1ZSJ9.for-graph.only",
                 "id_token": "%s"}""".formatted(idToken))));
    }

    /**
     * The claims Entra puts in a v2.0 token of a member of the tenant, valid for an hour; {@code extra} adds or
     * replaces claims ({@code wids}, {@code groups}, ...).
     */
    public JWTClaimsSet.Builder claims(String userPrincipalName, Map<String, Object> extra) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("s-" + Math.abs(userPrincipalName.hashCode()))
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("ver", "2.0")
                .claim("tid", TENANT)
                .claim("oid", UUID.nameUUIDFromBytes(userPrincipalName.getBytes()).toString())
                .claim("preferred_username", userPrincipalName)
                .claim("name", userPrincipalName);
        extra.forEach(claims::claim);
        return claims;
    }

    /** An access token for this application's API, as a client gets it for {@code api://{client-id}/.default}. */
    public String accessToken(String userPrincipalName, Map<String, Object> extra) {
        return sign(claims(userPrincipalName, extra).audience(CLIENT_ID).claim("azp", UUID.randomUUID().toString())
                .claim("scp", "Offboarding.ReadWrite").build(), key);
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signed with a key Entra does not publish, under the kid of the real one. */
    public String signByStranger(JWTClaimsSet claims) {
        return sign(claims, strangerKey);
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
