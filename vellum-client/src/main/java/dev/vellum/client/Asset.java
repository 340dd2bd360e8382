package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored file of a project, as the API renders it. {@code created} is true when this upload stored
 * new bytes and false when the same bytes were already an asset (the existing one is returned).
 * {@code width}/{@code height} are set for raster images.
 */
public record Asset(String id, String url, String filename, String contentType, long size, String sha256, Integer width, Integer height,
                    String alt, String title, Instant createdAt, Instant updatedAt, boolean created) {

    static Asset from(JsonNode n, boolean created) {
        return new Asset(Json.text(n, "id"), Json.text(n, "url"), Json.text(n, "filename"), Json.text(n, "content_type"),
                n.path("size").asLong(), Json.text(n, "sha256"), integer(n, "width"), integer(n, "height"), Json.text(n, "alt"),
                Json.text(n, "title"), Json.instant(n, "created_at"), Json.instant(n, "updated_at"), created);
    }

    static Asset from(JsonNode n) {
        return from(n, false);
    }

    private static Integer integer(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
