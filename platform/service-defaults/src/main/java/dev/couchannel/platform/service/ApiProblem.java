package dev.couchannel.platform.service;

import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A client-facing failure with the words a caller needs to fix the request. Thrown by web
 * adapters; rendered by {@link ProblemResponses} as RFC 9457 {@code application/problem+json}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, Map.of());
    }

    /**
     * 400 "Invalid request" naming every field or parameter to fix, in {@code errors}: the same answer a failed bean
     * validation gets ({@link ProblemResponses}), for checks a controller or the domain makes itself.
     */
    public static ApiProblem invalidFields(List<FieldProblem> errors) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "Invalid request", ProblemResponses.INVALID_FIELDS, Map.of("errors", errors));
    }

    /** {@link #invalidFields} for one field. */
    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id + ".", Map.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem as RFC 9457 details, with a stable {@code type} derived from the status. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setTitle(title);
        problem.setType(URI.create("https://couchannel.dev/problems/" + status.value()));
        properties.forEach(problem::setProperty);
        return problem;
    }
}
