package dev.offboarding.security;

import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The {@code entra} profile: Microsoft Entra ID instead of Camunda's logins (docs/sso.md).
 * <ul>
 * <li>Tasklist, Cockpit and Admin: OpenID Connect sign-in with Spring Security's {@code oauth2Login}; Camunda's
 * {@link ContainerBasedAuthenticationFilter} takes the signed-in user and its groups into the webapp session.</li>
 * <li>{@code /api} and {@code /engine-rest}: Entra access tokens (OAuth2 resource server, JWT checked against the
 * issuer's keys, issuer and audience), HTTP Basic with Camunda logins only if
 * {@code offboarding.security.entra.allow-basic-authentication} says so.</li>
 * </ul>
 * The token's directory roles ({@code wids}), groups and app roles map to Camunda groups through
 * {@code offboarding.security.entra.group-mapping}; Camunda's authorizations apply through those groups.
 */
@Configuration
@Profile(EntraSecurityConfiguration.PROFILE)
class EntraSecurityConfiguration {

    static final String PROFILE = "entra";
    static final String SIGNED_OUT = "/signed-out";
    private static final Logger log = LoggerFactory.getLogger(EntraSecurityConfiguration.class);

    private final EntraProperties entra;
    private final String webappPath;
    private final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

    EntraSecurityConfiguration(EntraProperties entra, CamundaBpmProperties camunda) {
        entra.check();
        this.entra = entra;
        this.webappPath = camunda.getWebapp().getApplicationPath();
    }

    @Bean
    EntraClaims entraClaims() {
        return new EntraClaims(entra);
    }

    @Bean
    SsoUsers ssoUsers(IdentityService identityService, EntraClaims claims) {
        return new SsoUsers(identityService, claims.managedGroups());
    }

    @Bean
    ClientRegistrationRepository entraClientRegistration() {
        return new EntraClientRegistration(entra);
    }

    /**
     * Access tokens: Entra's keys and issuer from its discovery document, fetched at the first call. When Entra cannot
     * be reached the token cannot be checked: that is a {@link JwtException} (503), not a bad token (401).
     */
    @Bean
    JwtDecoder entraJwtDecoder() {
        String issuer = entra.issuer();
        List<String> audiences = entra.acceptedAudiences();
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                    jwt -> jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(audiences::contains)
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                    "The token is for the audience " + jwt.getAudience()
                                            + ", not for this application " + audiences + ".", null))));
            return decoder;
        });
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new JwtException("The discovery document of " + issuer + " could not be read: "
                        + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
            }
        };
    }

    /** An access token's user and groups, read as at a webapp sign-in (the user is not written to Camunda). */
    private Converter<Jwt, AbstractAuthenticationToken> bearerUser(EntraClaims claims) {
        return jwt -> {
            String userId = claims.userId(jwt.getClaims());
            if (userId == null) {
                throw new InvalidBearerTokenException("The token has no " + claims.userIdClaim()
                        + " claim, which names the user.");
            }
            List<SimpleGrantedAuthority> groups = claims.groups(jwt.getClaims()).stream()
                    .map(SimpleGrantedAuthority::new).toList();
            return new JwtAuthenticationToken(jwt, groups, userId);
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain entraApiSecurity(HttpSecurity http, ProblemResponses problems, IdentityService identityService,
                                         JwtDecoder decoder, EntraClaims claims) throws Exception {
        AuthenticationEntryPoint unauthenticated =
                problems.unauthenticatedWithoutBearerToken(entra.allowBasicAuthentication());
        http.securityMatcher(paths.matcher("/api/**"))
                .authorizeHttpRequests(SecurityConfiguration::apiAccess);
        bearerOrBasic(http, problems, decoder, claims, unauthenticated)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /** Camunda's REST API with the same tokens; Camunda's authorizations decide what the caller may do there. */
    @Bean
    @Order(2)
    SecurityFilterChain entraEngineRestSecurity(HttpSecurity http, ProblemResponses problems, JwtDecoder decoder,
                                                EntraClaims claims) throws Exception {
        AuthenticationEntryPoint unauthenticated =
                problems.unauthenticatedWithoutBearerToken(entra.allowBasicAuthentication());
        http.securityMatcher(paths.matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        bearerOrBasic(http, problems, decoder, claims, unauthenticated)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    private HttpSecurity bearerOrBasic(HttpSecurity http, ProblemResponses problems, JwtDecoder decoder,
                                       EntraClaims claims, AuthenticationEntryPoint unauthenticated)
            throws Exception {
        AuthenticationFailureHandler refused = (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                log.warn("Could not check an access token: {}", e.getMessage());
                problems.identityProviderUnavailable(response, e.getMessage());
            } else {
                unauthenticated.commence(request, response, e);
            }
        };
        http.oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(bearerUser(claims)))
                        .authenticationEntryPoint(unauthenticated)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(refused);
                                return filter;
                            }
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, a token or password on every request: no session cookie to forge.
                .csrf(AbstractHttpConfigurer::disable);
        if (entra.allowBasicAuthentication()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http;
    }

    /**
     * The webapps and everything else. {@code /camunda/app/**} sends a browser without a session to Entra;
     * {@code /camunda/api/**} answers 401 (the webapps call it from JavaScript). {@code /logout} ends the session
     * and, with {@code sso-logout}, the Entra session too; Camunda's own "Log out" ends the session.
     */
    @Bean
    @Order(3)
    SecurityFilterChain entraWebappSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                            EntraClaims claims, SsoUsers users) throws Exception {
        String signIn = "/oauth2/authorization/" + EntraProperties.REGISTRATION_ID;
        RequestMatcher app = paths.matcher(webappPath + "/app/**");
        RequestMatcher camundaApi = paths.matcher(webappPath + "/api/**");
        RequestMatcher camundaLogout = paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout");
        RequestMatcher logout = paths.matcher("/logout");

        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(camundaApi, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(signIn));

        // After the sign-in, back to the page of the webapp the browser asked for.
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(paths.matcher(HttpMethod.GET, webappPath + "/app/**"));

        http.authorizeHttpRequests(requests -> requests
                        // Camunda's password login and its first-admin setup have no place beside Entra ID: the setup
                        // would let anybody signed in create a Camunda admin while none exists.
                        .requestMatchers(paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/*"),
                                paths.matcher(webappPath + "/api/admin/setup/**"),
                                paths.matcher(webappPath + "/app/admin/*/setup/**")).denyAll()
                        .requestMatchers(app, camundaApi).authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage(signIn)
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new EntraOidcUserService(claims, users)))
                        .failureHandler(SignInPages::failed))
                .logout(out -> out
                        .logoutRequestMatcher(new OrRequestMatcher(logout, camundaLogout))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                camundaLogout)
                        .defaultLogoutSuccessHandlerFor(signedOut(registrations), logout))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .requestCache(cache -> cache.requestCache(pages))
                // Camunda's CsrfPreventionFilter guards /camunda/api; the sign-in is protected by its state and nonce.
                .csrf(AbstractHttpConfigurer::disable)
                // Camunda's CacheControlFilter decides what the webapps' files may be cached for.
                .headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()));
        return http.build();
    }

    private LogoutSuccessHandler signedOut(ClientRegistrationRepository registrations) {
        if (entra.ssoLogout()) {
            OidcClientInitiatedLogoutSuccessHandler entraLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            entraLogout.setPostLogoutRedirectUri(entra.postLogoutRedirectUri());
            entraLogout.setDefaultTargetUrl(SIGNED_OUT);
            return entraLogout;
        }
        SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl(SIGNED_OUT);
        return local;
    }

    /** The webapps take the user Spring Security signed in; runs after Spring Security's filter. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSsoAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-sso-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** {@code /engine-rest} takes the caller Spring Security authenticated, with the groups of its token. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Mapped groups that do not exist yet (the three admin groups always do, see {@link CamundaAccessSetup}) are
     * created; {@code camunda-admin} with the authorizations Camunda gives it for its first admin.
     */
    @Bean
    @Order(15)
    ApplicationRunner entraGroups(IdentityService identityService, AuthorizationService authorizationService,
                                  EntraClaims claims) {
        return args -> {
            Set<String> groups = claims.managedGroups();
            MappedGroups.create(identityService, authorizationService, groups);
            if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                log.warn("Nobody is in camunda-admin yet. Until somebody mapped to it (offboarding.security.entra."
                        + "group-mapping.camunda-admin, by default Global Administrators) has signed in once, Camunda "
                        + "sends everybody who signs in to its first-admin setup, which the entra profile refuses.");
            }
        };
    }
}
