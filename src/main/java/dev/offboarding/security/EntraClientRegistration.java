package dev.offboarding.security;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The app registration in Entra ID, its endpoints read from Entra's discovery document
 * ({@code {issuer}/.well-known/openid-configuration}) at the first sign-in rather than at start-up, so the
 * application starts while Entra cannot be reached and a failed read is tried again at the next sign-in. Spring
 * Security checks that the document names the expected issuer.
 */
final class EntraClientRegistration implements ClientRegistrationRepository {

    private final EntraProperties entra;
    private volatile ClientRegistration registration;

    EntraClientRegistration(EntraProperties entra) {
        this.entra = entra;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!EntraProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromOidcIssuerLocation(entra.issuer())
                .registrationId(EntraProperties.REGISTRATION_ID)
                .clientName("Microsoft Entra ID")
                .clientId(entra.clientId())
                .clientSecret(entra.clientSecret())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                // PKCE on top of the client secret, as OAuth 2.0 Security Best Current Practice asks of every client.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
