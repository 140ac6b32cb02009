package dk.fjernlaan.platform.security;

import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.web.ProblemWriter;
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
 * own form login; the librarians' workbench ({@code /arbejdsbord/**}) has a form login against the same users, a
 * session and CSRF protection; {@code /actuator/health} and the API documentation are open; {@code /actuator/metrics}
 * is for administrators and integrations (HTTP Basic).
 */
@Configuration
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityAuthenticationProvider identityProvider, ProblemWriter problems) throws Exception {
        return http
            .securityMatcher("/api/**", "/actuator/metrics/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/**").hasAnyAuthority(Actor.GROUP_PREFIX + Actor.ADMIN_GROUP, Actor.GROUP_PREFIX + Actor.SYSTEM_GROUP)
                .anyRequest().authenticated())
            .authenticationProvider(identityProvider)
            .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint(problems)))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problemEntryPoint(problems)).accessDeniedHandler(problemAccessDenied(problems)))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)
            .build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain workbenchSecurity(HttpSecurity http, IdentityAuthenticationProvider identityProvider) throws Exception {
        return http
            .securityMatcher("/arbejdsbord/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/arbejdsbord/login", "/arbejdsbord/css/**").permitAll()
                .anyRequest().authenticated())
            .authenticationProvider(identityProvider)
            .formLogin(form -> form.loginPage("/arbejdsbord/login").loginProcessingUrl("/arbejdsbord/login")
                .defaultSuccessUrl("/arbejdsbord/", false).failureUrl("/arbejdsbord/login?fejl").permitAll())
            .logout(logout -> logout.logoutUrl("/arbejdsbord/logout").logoutSuccessUrl("/arbejdsbord/login?ud"))
            .headers(h -> h.frameOptions(f -> f.deny()))
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

    private static AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Fjernlaan\"");
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, Text.of("problem.unauthorized"));
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, Text.of("problem.forbidden"));
    }

    /**
     * A request that Spring Security's firewall refuses (a path with {@code ..}, {@code ;} or encoded slashes, a
     * header with control characters) is a client's mistake: 400 as a problem, not the container's 500.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST,
            Text.of("problem.rejectedPath", e.getMessage()));
    }
}
