package dk.fjernlaan.platform.security;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are limited per client (its network address), not per user: after
 * {@code fjernlaan.security.login-throttle.failures} failed logins within {@code .window}, that client's logins
 * are answered 429 until the window has passed. A stranger who knows an integration's user name can so lock out
 * only itself; the integration, from its own address, logs in as before, and a wrong password never delays the right
 * one. (The engine's own lock-out per user is switched off in {@code application.yml}.) Counts every login surface:
 * HTTP Basic on the API and the engine's REST API, and the webapps' login form. Behind a reverse proxy, let the
 * address be the client's ({@code server.forward-headers-strategy}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
    private static final String WORKBENCH_LOGIN = "/arbejdsbord/login";

    private final ProblemWriter problems;
    private final RateLimiterConfig config;
    private final Duration window;
    private final Cache<String, RateLimiter> clients;

    LoginThrottle(ProblemWriter problems, FjernlaanSettings settings) {
        this.problems = problems;
        int failures = settings.security().loginThrottle().failures();
        Duration window = settings.security().loginThrottle().window();
        this.window = window;
        this.config = RateLimiterConfig.custom().limitForPeriod(failures).limitRefreshPeriod(window).timeoutDuration(Duration.ZERO).build();
        this.clients = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isLogin(request);
    }

    private static boolean isLogin(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && (path.startsWith(WEBAPP_LOGIN) && path.contains("/login/") || path.equals(WORKBENCH_LOGIN));
    }

    private static boolean isWorkbench(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).equals(WORKBENCH_LOGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        RateLimiter failures = clients.getIfPresent(client);
        if (failures != null && failures.getMetrics().getAvailablePermissions() <= 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, window.toSeconds())));
            if (isWorkbench(request)) {
                // a person at a browser: the login page again, saying why
                response.sendRedirect(request.getContextPath() + WORKBENCH_LOGIN + "?vent=" + window.toSeconds());
                return;
            }
            problems.write(request, response, 429, Text.of("problem.loginThrottle", window.toSeconds()));
            return;
        }
        chain.doFilter(request, response);
        boolean failed = isWorkbench(request)
            ? response.getStatus() == HttpServletResponse.SC_FOUND && String.valueOf(response.getHeader(HttpHeaders.LOCATION)).contains("?fejl")
            : response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        if (failed) {
            RateLimiter limiter = clients.get(client, c -> RateLimiter.of("login-" + c, config));
            if (!limiter.acquirePermission()) {
                log.warn("Logins from {} refused for {} after repeated failures", client, window);
            }
        }
    }
}
