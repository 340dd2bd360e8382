package dev.vellum.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server answered with an error. One subclass per status, so callers can {@code catch} or
 * {@code switch} on what went wrong; each carries the status, the stable {@code code}, the
 * {@code detail}, the {@code requestId} to quote and the per-field {@code errors}.
 */
public abstract sealed class VellumApiException extends VellumClientException {
    private final Problem problem;

    VellumApiException(Problem problem) {
        super(problem.summary(), null);
        this.problem = problem;
    }

    public Problem problem() { return problem; }
    public int status() { return problem.status(); }
    public String code() { return problem.code(); }
    public String detail() { return problem.detail(); }
    public String requestId() { return problem.requestId(); }
    public List<FieldError> errors() { return problem.errors(); }

    /** 400: the request is malformed (bad JSON, bad query, bad cursor). */
    public static final class BadRequest extends VellumApiException {
        BadRequest(Problem p) { super(p); }
    }

    /** 401: no token, or an unknown, revoked or expired one. */
    public static final class Unauthorized extends VellumApiException {
        Unauthorized(Problem p) { super(p); }
    }

    /** 403: the token's scope is too small. */
    public static final class Forbidden extends VellumApiException {
        Forbidden(Problem p) { super(p); }
    }

    /** 404: no such project, collection, entry or token (or not visible to this token). */
    public static final class NotFound extends VellumApiException {
        NotFound(Problem p) { super(p); }
    }

    /** 409: a duplicate slug or unique value, an existing id, a refused schema change. */
    public static final class Conflict extends VellumApiException {
        Conflict(Problem p) { super(p); }
    }

    /** 412: {@code If-Match} named a version the entry has moved on from; nothing was written. */
    public static final class PreconditionFailed extends VellumApiException {
        PreconditionFailed(Problem p) { super(p); }
    }

    /** 413: the body is larger than the server accepts. */
    public static final class PayloadTooLarge extends VellumApiException {
        PayloadTooLarge(Problem p) { super(p); }
    }

    /** 415: the body was not sent as JSON. */
    public static final class UnsupportedMediaType extends VellumApiException {
        UnsupportedMediaType(Problem p) { super(p); }
    }

    /** 422: the request is well-formed but not valid; {@link #errors()} lists every problem, per field. */
    public static final class ValidationFailed extends VellumApiException {
        ValidationFailed(Problem p) { super(p); }
    }

    /** 429: over the token's rate limit (the client retried as far as its policy allowed). */
    public static final class RateLimited extends VellumApiException {
        private final Duration retryAfter;

        RateLimited(Problem p, Duration retryAfter) {
            super(p);
            this.retryAfter = retryAfter;
        }

        /** How long the server asked to wait ({@code Retry-After}), when it said. */
        public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }
    }

    /** 5xx (or any status a server should not send): the server failed; quote {@link #requestId()}. */
    public static final class ServerError extends VellumApiException {
        ServerError(Problem p) { super(p); }
    }

    /** Any other 4xx, such as 405 method not allowed. */
    public static final class ClientError extends VellumApiException {
        ClientError(Problem p) { super(p); }
    }
}
