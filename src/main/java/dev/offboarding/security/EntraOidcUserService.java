package dev.offboarding.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The webapp sign-in: after Spring Security has checked the ID token (signature, issuer, audience, expiry, nonce),
 * reads the user id and the mapped groups from its claims, brings the Camunda user up to date ({@link SsoUsers}) and
 * makes the user's Camunda groups its authorities. A person none of whose roles or groups is mapped is refused.
 * Everything comes from the ID token: Entra's userinfo endpoint is not called.
 */
class EntraOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(EntraOidcUserService.class);

    private final OidcUserService idToken = new OidcUserService();
    private final EntraClaims claims;
    private final SsoUsers users;

    EntraOidcUserService(EntraClaims claims, SsoUsers users) {
        this.claims = claims;
        this.users = users;
        this.idToken.setRetrieveUserInfo(request -> false);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = idToken.loadUser(request);
        Map<String, Object> tokenClaims = user.getClaims();
        String userId = claims.userId(tokenClaims);
        if (userId == null) {
            throw refused("The ID token has no " + claims.userIdClaim() + " claim, which names the Camunda user.");
        }
        Set<String> mapped = claims.groups(tokenClaims);
        if (EntraClaims.groupsLeftOut(tokenClaims)) {
            log.warn("Entra ID left the groups claim out of {}'s token (too many groups); only directory roles, app "
                    + "roles and groups assigned to the application count. See docs/sso.md.", userId);
        }
        if (mapped.isEmpty()) {
            log.warn("Refused the sign-in of {}: none of its Entra roles or groups is mapped to a Camunda group", userId);
            throw refused("Your Microsoft Entra account (" + userId + ") has none of the roles or groups that give "
                    + "access to offboarding. Ask a Global Administrator to assign you one.");
        }
        List<String> groups;
        try {
            groups = users.signIn(userId, first(user), last(user), user.getEmail(), mapped);
        } catch (SsoUsers.Refused e) {
            log.warn("Refused the sign-in of {}: {}", userId, e.getMessage());
            throw refused(e.getMessage());
        }
        log.info("{} signed in with Entra ID; Camunda groups {}", userId, groups);
        return new EntraUser(groups.stream().map(SimpleGrantedAuthority::new).toList(), user, userId);
    }

    private static String first(OidcUser user) {
        return user.getGivenName() != null ? user.getGivenName() : user.getFullName();
    }

    private static String last(OidcUser user) {
        return user.getGivenName() != null ? user.getFamilyName() : null;
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", description, null), description);
    }

    /** The signed-in person, named by the Camunda user id rather than by {@code sub}. */
    static final class EntraUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;
        private final String userId;

        EntraUser(List<SimpleGrantedAuthority> groups, OidcUser user, String userId) {
            super(groups, user.getIdToken(), user.getUserInfo(), "sub");
            this.userId = userId;
        }

        @Override
        public String getName() {
            return userId;
        }
    }
}
