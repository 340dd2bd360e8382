package dev.vellum.error;

/**
 * One problem with one field of a request: {@code field} is a path such as {@code fields.title}.
 * {@code position}: for errors in a text parameter (a filter), the 0-based offset of the fault; else null.
 */
public record FieldError(String field, String code, String message, Integer position) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, null);
    }
}
