package dev.offboarding.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the person Spring Security authenticated (an Entra sign-in, an Entra bearer token, or an HTTP Basic login
 * where allowed) to Camunda: to the webapps through {@code ContainerBasedAuthenticationFilter}, to {@code /engine-rest}
 * through {@code ProcessEngineAuthenticationFilter}. The user id is the authentication's name, the groups are its
 * authorities: for a bearer token the groups its claims map to, for a webapp sign-in the Camunda groups
 * {@link SsoUsers} left the user in. Camunda instantiates this class by name, hence public.
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return result;
    }
}
