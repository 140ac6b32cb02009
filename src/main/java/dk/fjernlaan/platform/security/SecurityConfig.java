package dk.fjernlaan.platform.security;

import java.io.IOException;

import dk.fjernlaan.platform.web.ProblemResponses;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * HTTP Basic against the engine's identity users on {@code /api/**}; the engine's own authentication filter on
 * {@code /engine-rest/**} (so that engine authorizations apply to REST calls); the Camunda webapps keep their
 * own form login; {@code /actuator/health} and the API documentation are open.
 */
@Configuration
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityAuthenticationProvider identityProvider) throws Exception {
        return http
            .securityMatcher("/api/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
            .authenticationProvider(identityProvider)
            .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problemEntryPoint()).accessDeniedHandler(problemAccessDenied()))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // the engine REST API is guarded by ProcessEngineAuthenticationFilter below, the webapps by their own
        // login and CSRF protection; Spring Security only adds its headers here
        return http
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .csrf(AbstractHttpConfigurer::disable)
            .headers(h -> h.frameOptions(f -> f.sameOrigin()))
            .requestCache(Customizer.withDefaults())
            .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("engine-rest-authentication");
        registration.setFilter(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Fjernlaan\"");
            writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Authenticate with HTTP Basic as an engine user.");
        };
    }

    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, e) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
            "You are not allowed to do this.");
    }

    private static void writeProblem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        ProblemResponses.write(response, status, title, detail);
    }

    /**
     * A request that Spring Security's firewall refuses (a path with {@code ..}, {@code ;} or encoded slashes, a
     * header with control characters) is a client's mistake: 400 as a problem, not the container's 500.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, e) -> writeProblem(response, HttpServletResponse.SC_BAD_REQUEST, "Bad request",
            "The request's path or headers are not allowed (" + e.getMessage() + ").");
    }
}
