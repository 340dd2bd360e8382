package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An isolated content space; tokens belong to one project. */
public record Project(String id, String name, Instant createdAt) {

    static Project from(JsonNode n) {
        return new Project(Json.text(n, "id"), Json.text(n, "name"), Json.instant(n, "created_at"));
    }
}
