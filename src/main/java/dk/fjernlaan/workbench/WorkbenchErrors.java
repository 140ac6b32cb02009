package dk.fjernlaan.workbench;

import dk.fjernlaan.platform.refusal.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What goes wrong under a workbench page is said on a workbench page, in the user's language: an address that
 * names no order is "not found"; anything unforeseen is a short message with the way back (and a line in the log).
 */
@ControllerAdvice(basePackageClasses = WorkbenchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchErrors {

    private static final Logger log = LoggerFactory.getLogger(WorkbenchErrors.class);

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "arbejdsbord/ikke-fundet";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response) {
        log.error("A workbench page failed", e);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "arbejdsbord/fejl";
    }
}
