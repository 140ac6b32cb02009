package dk.fjernlaan.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out, answered as an RFC 9457 problem. Thrown before anything is changed
 * (or inside the transaction that is then rolled back), so a rejected request changes nothing.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException badRequest(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail, errors);
    }

    public static ApiException badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException unprocessable(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", detail, errors);
    }

    public static ApiException unprocessable(String field, String message) {
        return unprocessable(message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
    }

    /** The request does not fit the current state of the thing it acts on (e.g. a message to a closed order). */
    public static ApiException conflict(String detail, String currentStatus) {
        ApiException e = new ApiException(HttpStatus.CONFLICT, "Conflict with the current state", detail, null);
        if (currentStatus != null) {
            e.properties.put("currentStatus", currentStatus);
        }
        return e;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
