package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Turns an error answer into its typed exception. The body is read as problem+json; an answer that
 * is not (a proxy's HTML 502, say) still becomes the right type, with {@code http_<status>} as its code.
 */
final class ProblemMapper {
    private static final int MAX_DETAIL = 300;

    private ProblemMapper() {}

    static VellumApiException map(int status, HttpHeaders headers, byte[] body, Instant now) {
        Problem p = problem(status, headers, body);
        return switch (status) {
            case 400 -> new VellumApiException.BadRequest(p);
            case 401 -> new VellumApiException.Unauthorized(p);
            case 403 -> new VellumApiException.Forbidden(p);
            case 404 -> new VellumApiException.NotFound(p);
            case 409 -> new VellumApiException.Conflict(p);
            case 412 -> new VellumApiException.PreconditionFailed(p);
            case 413 -> new VellumApiException.PayloadTooLarge(p);
            case 415 -> new VellumApiException.UnsupportedMediaType(p);
            case 422 -> new VellumApiException.ValidationFailed(p);
            case 429 -> new VellumApiException.RateLimited(p,
                    RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), now).orElse(null));
            default -> status >= 400 && status < 500 ? new VellumApiException.ClientError(p) : new VellumApiException.ServerError(p);
        };
    }

    static Problem problem(int status, HttpHeaders headers, byte[] body) {
        JsonNode json = parse(body);
        String requestId = Json.text(json, "request_id");
        if (requestId == null) requestId = headers.firstValue("X-Request-Id").orElse(null);
        if (!json.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            String detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
            return new Problem(status, "http_" + status, null, detail, requestId, List.of(), MissingNode.getInstance());
        }
        String code = Json.text(json, "code");
        return new Problem(status, code == null ? "http_" + status : code, Json.text(json, "title"), Json.text(json, "detail"),
                requestId, Json.list(json, "errors", Json::fieldError), json);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) return MissingNode.getInstance();
        try {
            return Json.read(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
