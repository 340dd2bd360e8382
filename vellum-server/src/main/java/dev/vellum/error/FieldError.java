package dev.vellum.error;

/** One problem with one field of a request: {@code field} is a path such as {@code fields.title}. */
public record FieldError(String field, String code, String message) {}
