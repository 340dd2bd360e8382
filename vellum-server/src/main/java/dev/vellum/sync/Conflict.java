package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An item changed on both sides in the same fields: both versions, the base, and the fields at odds. */
public record Conflict(String id, String connectionId, String entryId, String remoteId, String slug, List<String> fields,
                       ObjectNode base, ObjectNode vellum, ObjectNode directus, String status, String resolution, String createdAt,
                       String resolvedAt) {}
