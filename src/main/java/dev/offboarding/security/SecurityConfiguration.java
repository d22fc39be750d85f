package dev.offboarding.security;

import static dev.offboarding.security.AdminGroups.ALL;
import static dev.offboarding.security.AdminGroups.MAY_OFFBOARD;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. {@code /api} is guarded by Spring Security (HTTP Basic against Camunda's users, groups as
 * authorities); Camunda's {@code /engine-rest}, open by default, gets Camunda's own Basic authentication filter; the
 * webapps (Tasklist, Cockpit, Admin) keep their own login. Camunda authorizations apply behind all three. The
 * {@code entra} profile replaces all of this with {@link EntraSecurityConfiguration}.
 */
@Configuration
@Profile("!" + EntraSecurityConfiguration.PROFILE)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, IdentityService identityService)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfiguration::apiAccess)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A stateless API authenticated on every request: there is no session cookie to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /** Who may call what in {@code /api}, whoever authenticates the caller: the caller's groups are its authorities. */
    static void apiAccess(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String[] all = ALL.toArray(String[]::new);
        String[] offboarders = MAY_OFFBOARD.toArray(String[]::new);
        requests.requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(all)
                .requestMatchers(HttpMethod.PUT, "/api/sandbox/faults").hasAuthority(AdminGroups.GLOBAL_ADMINS)
                .requestMatchers(HttpMethod.POST, "/api/offboardings", "/api/offboardings/bulk", "/api/offboardings/preview",
                        "/api/offboardings/*/cancel", "/api/offboardings/*/restore").hasAnyAuthority(offboarders)
                .anyRequest().denyAll();
    }

    /** Camunda's REST API is unauthenticated out of the box: every request must now carry a Camunda login. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
