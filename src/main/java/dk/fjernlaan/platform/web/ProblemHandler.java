package dk.fjernlaan.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.fjernlaan.platform.engine.ConflictRetry;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.NotAllowed;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the project's API is an RFC 9457 problem ({@code application/problem+json}) with {@code status},
 * {@code title}, {@code detail} and, for input errors, {@code errors: [{field, message}]}, in the caller's language
 * (Danish, or English with {@code Accept-Language: en}). The use cases refuse in their own words ({@link Refusal});
 * here those become answers. A client's mistake is a 4xx, never a 500. It answers for every Spring MVC request,
 * also those that match no handler (an unknown path is a 404, a wrong method a 405, both as problems).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Texts texts;

    ProblemHandler(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal) {
        HttpStatus status = status(refusal);
        ProblemDetail problem = problem(status, refusal.detail());
        if (!refusal.problems().isEmpty()) {
            problem.setProperty("errors", refusal.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", texts.get(p.message()))).toList());
        }
        if (refusal instanceof NotInState conflict && conflict.currentStatus() != null) {
            problem.setProperty("currentStatus", conflict.currentStatus());
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** The HTTP status of each kind of refusal. */
    public static HttpStatus status(Refusal refusal) {
        if (refusal instanceof InvalidInput) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refusal instanceof Unacceptable) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (refusal instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof NotInState) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.FORBIDDEN;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
            .map(v -> said(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
        return refused(InvalidInput.of(errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return refused(new NotAllowed("problem.forbidden"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (ConflictRetry.isConflict(e)) {
            return refused(new NotInState(null, "problem.concurrent"));
        }
        log.error("Unexpected error while answering a request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR, Text.of("problem.internal")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(said(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(said(ge.getObjectName(), ge.getDefaultMessage())));
        return refused(InvalidInput.of(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(fe -> errors.add(said(fe.getField(), fe.getDefaultMessage())));
                bound.getGlobalErrors().forEach(ge -> errors.add(said(ge.getObjectName(), ge.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(said(name == null ? "parameter" : name, error.getDefaultMessage())));
            }
        });
        return refused(InvalidInput.of(errors));
    }

    /**
     * An address with nothing behind it: a problem for a program, the container's error page (in words, as HTML)
     * for a browser that asks for a page.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(org.springframework.web.servlet.resource.NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html") && request instanceof org.springframework.web.context.request.ServletWebRequest servlet
            && servlet.getResponse() != null) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException gone) {
                return null;
            }
        }
        return super.handleNoResourceFoundException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (RequestSizeLimit.isTooLarge(ex)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, Text.of("problem.tooLarge", RequestSizeLimit.MAX_BYTES)));
        }
        if (cause instanceof InputCoercionException) {
            return refused(InvalidInput.field("body", "problem.json.outOfRange"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (cause instanceof InvalidFormatException invalid) {
                return refused(InvalidInput.field(field, "problem.json.invalidValue",
                    InputRules.abbreviate(String.valueOf(invalid.getValue()), 60), expected(invalid.getTargetType())));
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return refused(InvalidInput.field(field, "problem.json.wrongType", expected(mismatched.getTargetType())));
            }
            return refused(InvalidInput.field(field, "problem.json.invalid"));
        }
        if (cause instanceof JsonProcessingException) {
            return refused(InvalidInput.field("body", "problem.json.malformed"));
        }
        return refused(InvalidInput.field("body", "problem.json.missing"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return refused(InvalidInput.field(field, "problem.json.invalidValue", InputRules.abbreviate(String.valueOf(ex.getValue()), 60),
            expected(ex.getRequiredType())));
    }

    /** The framework's own answers (unknown path, wrong method or media type, ...) in the caller's language too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Text detail;
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            detail = Text.of("problem.http.method", m.getMethod(),
                String.join(", ", m.getSupportedMethods() == null ? new String[0] : m.getSupportedMethods()));
        } else if (ex instanceof HttpMediaTypeNotSupportedException m) {
            List<String> supported = m.getSupportedMediaTypes().stream().map(Object::toString).toList();
            detail = Text.of("problem.http.mediaType", String.valueOf(m.getContentType()),
                supported.isEmpty() ? "application/json" : String.join(", ", supported));
        } else {
            detail = Text.of("problem.http." + statusCode.value());
        }
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        ProblemDetail problem = problem(status == null ? HttpStatus.BAD_REQUEST : status, detail);
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, Text detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.get(detail));
        problem.setTitle(texts.get(Text.of("problem.title." + status.value())));
        return problem;
    }

    /** A field message that the validator has already put into words, in the request's language. */
    private static FieldProblem said(String field, String message) {
        return FieldProblem.of(field, "problem.literal", message);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** What the field should have held, as a text (empty when the type says nothing useful). */
    private static Text expected(Class<?> type) {
        if (type == null) {
            return Text.of("problem.expected.none");
        }
        if (type.isEnum()) {
            return Text.of("problem.expected.enum", Arrays.toString(type.getEnumConstants()));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> Text.of("problem.expected.date", InputRules.EARLIEST_DATE, InputRules.LATEST_DATE);
            case "Instant", "OffsetDateTime" -> Text.of("problem.expected.instant");
            case "Integer", "int", "Long", "long" -> Text.of("problem.expected.integer");
            case "Boolean", "boolean" -> Text.of("problem.expected.boolean");
            case "BigDecimal", "Double", "double" -> Text.of("problem.expected.number");
            case "String" -> Text.of("problem.expected.string");
            case "List" -> Text.of("problem.expected.list");
            default -> Text.of("problem.expected.none");
        };
    }
}
