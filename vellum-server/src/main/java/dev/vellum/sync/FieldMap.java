package dev.vellum.sync;

/**
 * One row of a connection's mapping: Vellum field {@code field} ↔ Directus field {@code remote}.
 * {@code format} is how rich text is kept in Directus (html or markdown); an ignored row is kept
 * (so a reconfigure shows it) but never synced.
 */
public record FieldMap(String field, String remote, String format, boolean ignore) {}
