package dk.fjernlaan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dk.fjernlaan.platform.FjernlaanSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code fjernlaan.webapps.hide-end-of-life-banner}, Camunda's webapps get a user style sheet (the file each
 * webapp loads for its operators' styles) that hides the Community Edition end-of-life banner; without it, the
 * webapps' own (empty) style sheet is served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class EndOfLifeBanner extends OncePerRequestFilter {

    private static final Pattern USER_STYLES = Pattern.compile("/camunda/app/(cockpit|tasklist|admin|welcome)/styles/user-styles\\.css");
    private static final byte[] HIDE = ".ce-eol-banner { display: none !important; }\n".getBytes(StandardCharsets.UTF_8);

    private final boolean hide;

    @org.springframework.beans.factory.annotation.Autowired
    EndOfLifeBanner(FjernlaanSettings settings) {
        this(settings.webapps().hideEndOfLifeBanner());
    }

    EndOfLifeBanner(boolean hide) {
        this.hide = hide;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hide || !USER_STYLES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(HIDE.length);
        response.getOutputStream().write(HIDE);
    }
}
