package dk.fjernlaan.platform.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the project's API is an RFC 9457 problem ({@code application/problem+json}) with
 * {@code status}, {@code title}, {@code detail} and, for input errors, {@code errors: [{field, message}]}.
 * A client's mistake is a 4xx, never a 500. It answers for every Spring MVC request, also those that match no
 * handler (an unknown path is a 404, a wrong method a 405, both as problems).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
        return api(ApiException.badRequest(summary(errors), errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return api(ApiException.forbidden("You are not allowed to do this."));
    }

    @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        return api(ApiException.conflict("The order was changed at the same time by someone else; read it again and retry.", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (dk.fjernlaan.platform.engine.ConflictRetry.isConflict(e)) {
            return concurrentChange((RuntimeException) (e instanceof RuntimeException ? e : new IllegalStateException(e)));
        }
        log.error("Unexpected error while answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
            "The request could not be completed because of an internal error; nothing was changed.");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
            .forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return api(ApiException.badRequest(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(fe -> errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage())));
                bound.getGlobalErrors().forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error ->
                    errors.add(new FieldProblem(name == null ? "parameter" : name, error.getDefaultMessage())));
            }
        });
        return api(ApiException.badRequest(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (RequestSizeLimit.isTooLarge(ex)) {
            return api(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than " + RequestSizeLimit.MAX_BYTES + " bytes.", null));
        }
        if (cause instanceof InputCoercionException) {
            return api(ApiException.badRequest("A number in the body is out of range.", List.of(new FieldProblem("body", "number out of range"))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message;
            if (cause instanceof InvalidFormatException invalid) {
                message = "invalid value '" + InputRules.abbreviate(String.valueOf(invalid.getValue()), 60) + "'" + expected(invalid.getTargetType());
            } else if (cause instanceof MismatchedInputException mismatched) {
                message = "wrong type or missing value" + expected(mismatched.getTargetType());
            } else {
                message = "invalid value";
            }
            return api(ApiException.badRequest(field + ": " + message, List.of(new FieldProblem(field, message))));
        }
        if (cause instanceof JsonProcessingException) {
            return api(ApiException.badRequest("The body is not well-formed JSON.", List.of(new FieldProblem("body", "malformed JSON"))));
        }
        return api(ApiException.badRequest("The request body is missing or unreadable.", List.of(new FieldProblem("body", "missing or unreadable"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message = "invalid value '" + InputRules.abbreviate(String.valueOf(ex.getValue()), 60) + "'" + expected(ex.getRequiredType());
        return api(ApiException.badRequest(field + ": " + message, List.of(new FieldProblem(field, message))));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.isEmpty() ? "The request is invalid."
            : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
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

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return ", expected one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> ", expected " + InputRules.DATE_MESSAGE;
            case "Instant", "OffsetDateTime" -> ", expected an ISO-8601 instant";
            case "Integer", "int", "Long", "long" -> ", expected an integer";
            case "Boolean", "boolean" -> ", expected true or false";
            case "BigDecimal", "Double", "double" -> ", expected a number";
            case "String" -> ", expected a string";
            case "List" -> ", expected a list";
            default -> "";
        };
    }
}
