package dev.vellum.error;

import java.util.List;

/**
 * The one error model. Each subclass stands for one HTTP status; the HTTP layer renders them
 * as problem+json in one place. {@code code} is stable and meant for machines.
 */
public sealed abstract class VellumException extends RuntimeException {
    private final String code;
    private final List<FieldError> errors;

    VellumException(String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false); // no stack trace: these are expected outcomes
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public String code() { return code; }

    /** The HTTP status this error stands for. */
    public int status() {
        return switch (this) {
            case BadRequest x -> 400;
            case Unauthenticated x -> 401;
            case Forbidden x -> 403;
            case NotFound x -> 404;
            case MethodNotAllowed x -> 405;
            case Conflict x -> 409;
            case PreconditionFailed x -> 412;
            case PayloadTooLarge x -> 413;
            case UnsupportedMediaType x -> 415;
            case Invalid x -> 422;
            case RateLimited x -> 429;
            case Unavailable x -> 503;
        };
    }
    public String detail() { return getMessage(); }
    public List<FieldError> errors() { return errors; }

    /** 400: the request is malformed. */
    public static final class BadRequest extends VellumException {
        public BadRequest(String code, String detail) { super(code, detail, List.of()); }
        public BadRequest(String code, String detail, List<FieldError> errors) { super(code, detail, errors); }
    }

    /** 401: no valid credentials. */
    public static final class Unauthenticated extends VellumException {
        public Unauthenticated(String code, String detail) { super(code, detail, List.of()); }
    }

    /** 403: valid credentials, insufficient scope. */
    public static final class Forbidden extends VellumException {
        public Forbidden(String code, String detail) { super(code, detail, List.of()); }
    }

    /** 404. */
    public static final class NotFound extends VellumException {
        public NotFound(String code, String detail) { super(code, detail, List.of()); }
    }

    /** 405. */
    public static final class MethodNotAllowed extends VellumException {
        public MethodNotAllowed(String detail) { super("method_not_allowed", detail, List.of()); }
    }

    /** 409: duplicate slug or unique value, or a change that would lose data. */
    public static final class Conflict extends VellumException {
        public Conflict(String code, String detail) { super(code, detail, List.of()); }
        public Conflict(String code, String detail, List<FieldError> errors) { super(code, detail, errors); }
    }

    /** 412: stale If-Match. */
    public static final class PreconditionFailed extends VellumException {
        public PreconditionFailed(String code, String detail) { super(code, detail, List.of()); }
    }

    /** 413. */
    public static final class PayloadTooLarge extends VellumException {
        public PayloadTooLarge(String detail) { super("payload_too_large", detail, List.of()); }
    }

    /** 415. */
    public static final class UnsupportedMediaType extends VellumException {
        public UnsupportedMediaType(String detail) { super("unsupported_media_type", detail, List.of()); }
    }

    /** 422: well-formed but invalid; {@code errors} lists every field at fault. */
    public static final class Invalid extends VellumException {
        public Invalid(String code, String detail, List<FieldError> errors) { super(code, detail, errors); }
    }

    /** 429. */
    public static final class RateLimited extends VellumException {
        private final long retryAfterSeconds;
        public RateLimited(long retryAfterSeconds) {
            super("rate_limited", "Too many requests; retry after " + retryAfterSeconds + " s", List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }
        public long retryAfterSeconds() { return retryAfterSeconds; }
    }

    /** 503: the server cannot answer now (a query ran too long, the database is unreachable). */
    public static final class Unavailable extends VellumException {
        public Unavailable(String code, String detail) { super(code, detail, List.of()); }
    }
}
