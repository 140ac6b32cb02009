package dk.fjernlaan.platform.web;

import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page: what went wrong outside the project's controllers (a filter, another servlet) is
 * answered as a problem, like every other error, instead of Spring Boot's own error JSON or page; a browser that
 * asks for HTML (a librarian in Cockpit without the right to it, an address that does not exist) gets the same
 * words as a page, with the way to the workbench.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Texts texts;

    ProblemErrorController(Texts texts) {
        this.texts = texts;
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(texts.get(Text.of("problem.title." + status.value())));
        problem.setDetail(texts.get(status.is5xxServerError() ? Text.of("problem.internal") : Text.of("problem.http." + status.value())));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, Locale locale) {
        HttpStatus status = status(request);
        ModelAndView page = new ModelAndView("fejlside", status);
        page.addObject("title", texts.say(Text.of("problem.title." + status.value()), locale));
        page.addObject("detail", texts.say(status == HttpStatus.FORBIDDEN ? Text.of("page.forbidden")
            : status.is5xxServerError() ? Text.of("problem.internal") : Text.of("problem.http." + status.value()), locale));
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
