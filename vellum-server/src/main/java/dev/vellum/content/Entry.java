package dev.vellum.content;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An entry: system attributes plus its field values (normalised; every schema field present,
 * null when empty). {@code publishAt}: when a draft is scheduled to go live, or null.
 */
public record Entry(String id, String slug, boolean draft, long version, String createdAt, String updatedAt,
                    String publishAt, ObjectNode fields) {}
