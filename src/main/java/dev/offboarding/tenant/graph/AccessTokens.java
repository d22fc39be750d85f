package dev.offboarding.tenant.graph;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.web.client.RestClient;

/**
 * App-only access tokens from Microsoft Entra ID (OAuth2 client credentials), one for Microsoft Graph and one for
 * Exchange Online, each cached until five minutes before it expires. The app proves itself with a client secret or,
 * as Microsoft recommends, a certificate (a signed client assertion). Secrets never leave this class.
 */
public class AccessTokens {

    static final String GRAPH = "graph";
    static final String EXCHANGE = "exchange";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    static final String EXCHANGE_SCOPE = "https://outlook.office365.com/.default";
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final String PRINCIPAL = "offboarding";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final GraphProperties properties;

    public AccessTokens(GraphProperties properties) {
        this.properties = properties;
        requireConfigured(properties);
        JWK certificateKey = properties.certificate() == null ? null : loadCertificate(properties);
        ClientAuthenticationMethod method = certificateKey == null ? ClientAuthenticationMethod.CLIENT_SECRET_POST
                : ClientAuthenticationMethod.PRIVATE_KEY_JWT;
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
                registration(GRAPH, GRAPH_SCOPE, method), registration(EXCHANGE, EXCHANGE_SCOPE, method));

        // A connect timeout as well as a read timeout: Entra ID unreachable fails the step instead of holding it.
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(TenantHttp.newClient(properties));
        requestFactory.setReadTimeout(properties.timeout());
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder().requestFactory(requestFactory)
                .messageConverters(converters -> {
                    converters.add(0, new org.springframework.http.converter.FormHttpMessageConverter());
                    converters.add(1, new org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler())
                .build());
        if (certificateKey != null) {
            NimbusJwtClientAuthenticationParametersConverter<OAuth2ClientCredentialsGrantRequest> assertion =
                    new NimbusJwtClientAuthenticationParametersConverter<>(registration -> certificateKey);
            // As Microsoft's certificate credentials page says: PS256, the certificate's SHA-256 thumbprint in the
            // header (and the SHA-1 one older tenants look for), a not-before claim.
            assertion.setJwtClientAssertionCustomizer(context -> {
                context.getHeaders().algorithm(SignatureAlgorithm.PS256);
                context.getHeaders().header("x5t#S256", certificateKey.getX509CertSHA256Thumbprint().toString());
                context.getHeaders().header("x5t", certificateKey.getX509CertThumbprint().toString());
                context.getClaims().notBefore(Instant.now());
            });
            tokenClient.addParametersConverter(assertion);
        }
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenClient)
                        .clockSkew(REFRESH_BEFORE_EXPIRY))
                .build());
    }

    /** A token for Microsoft Graph ({@code https://graph.microsoft.com/.default}). */
    public String graph() {
        return token(GRAPH);
    }

    /** A token for the Exchange Online admin API ({@code https://outlook.office365.com/.default}). */
    public String exchange() {
        return token(EXCHANGE);
    }

    private String token(String registrationId) {
        try {
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(registrationId).principal(PRINCIPAL).build());
            if (client == null) {
                throw new TenantException("Microsoft Entra ID gave no token for " + registrationId + ".");
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            IOException unreachable = ioCause(e);
            if (unreachable != null) {
                // Spring reports a token endpoint it cannot reach as "invalid_token_response": not the credentials.
                throw unreachable(describe(unreachable), e);
            }
            throw new TenantException("Microsoft Entra ID refused the app's credentials for "
                    + (GRAPH.equals(registrationId) ? "Microsoft Graph" : "Exchange Online") + " ("
                    + e.getError().getErrorCode() + ": " + firstLine(e.getError().getDescription()) + "). Check "
                    + "offboarding.graph.tenant-id, client-id and the client secret or certificate of the app "
                    + "registration (docs/microsoft-365.md), then retry the step.", e);
        } catch (RuntimeException e) {
            throw unreachable(e.getMessage(), e);
        }
    }

    private TenantException unreachable(String what, RuntimeException e) {
        return new TenantException("Could not get a token from " + properties.tokenUri() + ": " + what
                + ". Check the network and offboarding.graph.authority-url, then retry the step.", e);
    }

    private String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "Microsoft Entra ID did not answer within " + properties.timeout().toSeconds()
                    + " s (offboarding.graph.timeout)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private ClientRegistration registration(String id, String scope, ClientAuthenticationMethod method) {
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(id)
                .clientId(properties.clientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(method)
                .tokenUri(properties.tokenUri().toString())
                .scope(Collections.singleton(scope));
        if (method == ClientAuthenticationMethod.CLIENT_SECRET_POST) {
            builder.clientSecret(properties.clientSecret());
        }
        return builder.build();
    }

    private static void requireConfigured(GraphProperties properties) {
        if (isBlank(properties.tenantId()) || isBlank(properties.clientId())
                || (isBlank(properties.clientSecret()) && properties.certificate() == null)) {
            throw new IllegalStateException("offboarding.tenant.mode=graph needs offboarding.graph.tenant-id, "
                    + "offboarding.graph.client-id and either the client secret (environment variable "
                    + "OFFBOARDING_GRAPH_CLIENT_SECRET) or offboarding.graph.certificate. See docs/microsoft-365.md.");
        }
    }

    /** The certificate's private key and thumbprints from a PKCS#12 file. */
    static RSAKey loadCertificate(GraphProperties properties) {
        char[] password = properties.certificatePassword() == null ? new char[0] : properties.certificatePassword().toCharArray();
        try (InputStream in = Files.newInputStream(properties.certificate())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    byte[] der = certificate.getEncoded();
                    return new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                            .privateKey(key)
                            .x509CertThumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)))
                            .x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)))
                            .keyID(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)).toString())
                            .build();
                }
            }
            throw new IllegalStateException(properties.certificate() + " holds no certificate with a private key.");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate " + properties.certificate()
                    + " (PKCS#12, password in offboarding.graph.certificate-password): " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
