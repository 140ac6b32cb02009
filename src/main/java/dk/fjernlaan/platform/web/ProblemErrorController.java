package dk.fjernlaan.platform.web;

import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: what went wrong outside the project's controllers (a filter, another servlet) is
 * answered as a problem, like every other error, instead of Spring Boot's own error JSON or page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Texts texts;

    ProblemErrorController(Texts texts) {
        this.texts = texts;
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(texts.get(Text.of("problem.title." + status.value())));
        problem.setDetail(texts.get(status.is5xxServerError() ? Text.of("problem.internal") : Text.of("problem.http." + status.value())));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
