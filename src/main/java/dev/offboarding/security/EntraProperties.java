package dev.offboarding.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with Microsoft Entra ID, {@code offboarding.security.entra.*}; used by the {@code entra} profile only
 * (see docs/sso.md).
 *
 * @param authority                 Entra's login host; the issuer is {@code {authority}/{tenantId}/v2.0}
 * @param tenantId                  the directory (tenant) id, a GUID
 * @param clientId                  the application (client) id of the app registration
 * @param clientSecret              its client secret, for the sign-in of the webapps; from the environment only
 * @param audiences                 {@code aud} values an API access token may have; empty: the client id and
 *                                  {@code api://{clientId}}
 * @param userIdClaim               the claim whose value (lower case) is the Camunda user id
 * @param groupClaims               the claims whose values (directory role template ids, group object ids, app role
 *                                  values) are looked up in {@code groupMapping}
 * @param groupMapping              Camunda group id to the Entra ids that make a user a member of it
 * @param allowBasicAuthentication  whether {@code /api} and {@code /engine-rest} still accept HTTP Basic logins of
 *                                  Camunda users besides Entra bearer tokens
 * @param ssoLogout                 whether {@code /logout} also signs the user out of Entra ID
 * @param postLogoutRedirectUri     where Entra sends the browser after signing out
 */
@ConfigurationProperties("offboarding.security.entra")
public record EntraProperties(
        @DefaultValue("https://login.microsoftonline.com") URI authority,
        String tenantId,
        String clientId,
        String clientSecret,
        @DefaultValue List<String> audiences,
        @DefaultValue("preferred_username") String userIdClaim,
        @DefaultValue({"wids", "groups", "roles"}) List<String> groupClaims,
        @DefaultValue Map<String, List<String>> groupMapping,
        @DefaultValue("false") boolean allowBasicAuthentication,
        @DefaultValue("true") boolean ssoLogout,
        @DefaultValue("{baseUrl}/signed-out") String postLogoutRedirectUri) {

    /** The registration id: the sign-in starts at {@code /oauth2/authorization/entra}, Entra answers at
     * {@code /login/oauth2/code/entra}. */
    public static final String REGISTRATION_ID = "entra";

    /** {@code https://login.microsoftonline.com/{tenant}/v2.0}, the {@code iss} of ID tokens and v2.0 access tokens. */
    public String issuer() {
        String base = authority.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + tenantId + "/v2.0";
    }

    public List<String> acceptedAudiences() {
        return audiences.isEmpty() ? List.of(clientId, "api://" + clientId) : audiences;
    }

    /** Fails the start with a sentence that says what is missing. */
    void check() {
        List<String> missing = new java.util.ArrayList<>();
        if (blank(tenantId)) {
            missing.add("offboarding.security.entra.tenant-id (OFFBOARDING_ENTRA_TENANT_ID)");
        }
        if (blank(clientId)) {
            missing.add("offboarding.security.entra.client-id (OFFBOARDING_ENTRA_CLIENT_ID)");
        }
        if (blank(clientSecret)) {
            missing.add("offboarding.security.entra.client-secret (OFFBOARDING_ENTRA_CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The entra profile needs " + String.join(", ", missing)
                    + "; see docs/sso.md.");
        }
        if (groupMapping.values().stream().flatMap(List::stream).allMatch(EntraProperties::blank)) {
            throw new IllegalStateException("offboarding.security.entra.group-mapping maps no Entra role or group to "
                    + "a Camunda group, so nobody could sign in; see docs/sso.md.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
