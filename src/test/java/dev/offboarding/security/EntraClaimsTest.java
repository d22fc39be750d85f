package dev.offboarding.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the claims of an Entra token become a Camunda user id and Camunda groups, and what the profile requires. */
class EntraClaimsTest {

    private static final String GLOBAL = "62e90394-69f5-4237-9190-012177145e10";
    private static final String BILLING = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
    private static final String GROUP = "0b6c7d9e-4f1a-4c2b-9d3e-8a7f6e5d4c3b";

    private static EntraProperties properties(Map<String, List<String>> mapping) {
        return new EntraProperties(URI.create("https://login.microsoftonline.com/"), "tenant", "client", "secret",
                List.of(), "preferred_username", List.of("wids", "groups", "roles"), mapping, false, true,
                "{baseUrl}/signed-out");
    }

    private final EntraClaims claims = new EntraClaims(properties(Map.of(
            "global-admins", List.of(GLOBAL),
            "user-admins", List.of(" " + GROUP.toUpperCase() + " ", "Offboarding.UserAdmin"),
            "billing-admins", List.of(BILLING),
            "camunda-admin", List.of(""))));

    @Test
    void rolesGroupsAndAppRolesMapWithoutRegardToCase() {
        assertThat(claims.groups(Map.of("wids", List.of(GLOBAL.toUpperCase(), BILLING)))).containsExactly(
                "billing-admins", "global-admins");
        assertThat(claims.groups(Map.of("groups", List.of(GROUP)))).containsExactly("user-admins");
        assertThat(claims.groups(Map.of("roles", "Offboarding.UserAdmin"))).containsExactly("user-admins");
        assertThat(claims.groups(Map.of("wids", List.of("b79fbf4d-3ef9-4689-8143-76b194e85509"), "scp", GLOBAL)))
                .as("only the configured claims count").isEmpty();
    }

    @Test
    void aMappingWithoutIdsIsNoMapping() {
        assertThat(claims.managedGroups()).containsExactlyInAnyOrder("global-admins", "user-admins", "billing-admins");
    }

    @Test
    void theUserIdIsTheClaimInLowerCase() {
        assertThat(claims.userId(Map.of("preferred_username", " Adele.Vance@Contoso.com"))).isEqualTo("adele.vance@contoso.com");
        assertThat(claims.userId(Map.of("upn", "adele.vance@contoso.com"))).isNull();
        assertThat(claims.userId(Map.of("preferred_username", " "))).isNull();
    }

    @Test
    void groupsLeftOutOfTheTokenAreNoticed() {
        assertThat(EntraClaims.groupsLeftOut(Map.of("_claim_names", Map.of("groups", "src1")))).isTrue();
        assertThat(EntraClaims.groupsLeftOut(Map.of("hasgroups", true))).isTrue();
        assertThat(EntraClaims.groupsLeftOut(Map.of("groups", List.of(GROUP)))).isFalse();
    }

    @Test
    void issuerAndAudiencesFollowTheTenantAndClient() {
        EntraProperties entra = properties(Map.of("global-admins", List.of(GLOBAL)));
        assertThat(entra.issuer()).isEqualTo("https://login.microsoftonline.com/tenant/v2.0");
        assertThat(entra.acceptedAudiences()).containsExactly("client", "api://client");
    }

    @Test
    void theProfileSaysWhatIsMissing() {
        EntraProperties empty = new EntraProperties(URI.create("https://login.microsoftonline.com"), null, "", null,
                List.of(), "preferred_username", List.of("wids"), Map.of("global-admins", List.of(GLOBAL)), false,
                true, "{baseUrl}/signed-out");
        assertThatThrownBy(empty::check).hasMessageContaining("OFFBOARDING_ENTRA_TENANT_ID")
                .hasMessageContaining("OFFBOARDING_ENTRA_CLIENT_ID").hasMessageContaining("OFFBOARDING_ENTRA_CLIENT_SECRET");
        assertThatThrownBy(properties(Map.of("global-admins", List.of(), "user-admins", List.of(" ")))::check)
                .hasMessageContaining("maps no Entra role or group");
    }
}
