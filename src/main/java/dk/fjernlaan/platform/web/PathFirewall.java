package dk.fjernlaan.platform.web;

import java.io.IOException;

import dk.fjernlaan.platform.texts.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's strict firewall, first of all filters: a path that is not normalized ({@code /api/x/../../engine-rest}
 * is routed by the container to another servlet), with encoded dots, semicolons or control characters, is refused
 * with a 400 problem before any servlet or filter sees it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PathFirewall extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ProblemWriter problems;

    PathFirewall(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, Text.of("problem.rejectedPath", e.getMessage()));
            return;
        }
        chain.doFilter(request, response);
    }
}
