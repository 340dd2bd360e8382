package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An error answer (RFC 9457 problem+json) as the server sent it: the HTTP status, the stable machine
 * {@code code}, the human {@code detail}, the request id to quote, the per-field {@code errors}, and the
 * whole body for members the client does not model (a failed batch's {@code results}, for one).
 */
public record Problem(int status, String code, String title, String detail, String requestId, List<FieldError> errors,
                      JsonNode body) {

    public Problem {
        errors = List.copyOf(errors);
        body = body.deepCopy();
    }

    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** One line for an exception message: status, code, detail, request id and the field errors. */
    String summary() {
        StringBuilder s = new StringBuilder().append(status).append(' ').append(code);
        if (detail != null && !detail.isBlank()) s.append(": ").append(detail);
        for (FieldError e : errors) s.append("; ").append(e.field()).append(' ').append(e.code()).append(" (").append(e.message()).append(')');
        if (requestId != null) s.append(" [request ").append(requestId).append(']');
        return s.toString();
    }
}
