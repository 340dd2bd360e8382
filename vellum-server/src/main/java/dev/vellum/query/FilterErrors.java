package dev.vellum.query;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.List;

/** The 400 answers for a bad filter: each names the fault and the 0-based position where it is. */
final class FilterErrors {
    static final String INVALID = "invalid_filter";
    static final String TOO_LONG = "filter_too_long";
    static final String TOO_COMPLEX = "filter_too_complex";

    private FilterErrors() {}

    static VellumException.BadRequest syntax(String message, int position) {
        return invalid(List.of(error("syntax_error", message, position)));
    }

    /** One entry of {@code errors}, with the position in its message too. */
    static FieldError error(String code, String message, int position) {
        return new FieldError("filter", code, message + " (at position " + position + ")", position);
    }

    static VellumException.BadRequest invalid(List<FieldError> errors) {
        return new VellumException.BadRequest(INVALID, "The filter is not valid: " + errors.getFirst().message(), errors);
    }

    static VellumException.BadRequest tooLong(int bytes, int limit) {
        return new VellumException.BadRequest(TOO_LONG, "The filter is " + bytes + " bytes long; the limit is " + limit,
                List.of(new FieldError("filter", "too_long", "at most " + limit + " bytes (UTF-8)")));
    }

    static VellumException.BadRequest tooComplex(String message, int position) {
        FieldError e = error("too_complex", message, position);
        return new VellumException.BadRequest(TOO_COMPLEX, "The filter is too complex: " + e.message(), List.of(e));
    }
}
