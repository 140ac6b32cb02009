package dk.fjernlaan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A problem answer written by a servlet filter, before any controller (and so before {@link ProblemHandler}) is
 * reached: the same shape, in the caller's language.
 */
@Component
public class ProblemWriter {

    private final Texts texts;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ProblemWriter(Texts texts, LocaleResolver locales, ObjectMapper json) {
        this.texts = texts;
        this.locales = locales;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, Text detail) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", texts.say(Text.of("problem.title." + status), locale));
        problem.put("status", status);
        problem.put("detail", texts.say(detail, locale));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), problem);
    }
}
