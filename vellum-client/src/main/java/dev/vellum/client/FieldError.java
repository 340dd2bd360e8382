package dev.vellum.client;

/** One problem with one part of a request: {@code field} is a path such as {@code fields.title} or {@code entries[2].slug}. */
public record FieldError(String field, String code, String message) {}
