package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OpenAPI 3.1 document, written by hand as YAML fragments (one per capability) under
 * resources/openapi and merged at start. A test keeps it complete against the registered routes
 * and validates real responses against it.
 */
public final class OpenApiDocument {
    static final List<String> FRAGMENTS = List.of("core.yaml", "components.yaml", "events.yaml", "importers.yaml", "assets.yaml", "sync.yaml",
            "delivery.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiDocument() {}

    public static ObjectNode load() {
        ObjectNode doc = YAML.createObjectNode();
        for (String name : FRAGMENTS) {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + name)) {
                if (in == null) throw new IllegalStateException("missing OpenAPI fragment " + name);
                merge(doc, (ObjectNode) YAML.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenAPI fragment " + name, e);
            }
        }
        return doc;
    }

    /** Deep-merges objects; a fragment may add paths and components but never silently replace one. */
    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else if (existing instanceof com.fasterxml.jackson.databind.node.ArrayNode list && e.getValue().isArray()) {
                list.addAll((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue()); // tags: each fragment adds its own
            } else if (existing != null && !existing.equals(e.getValue())) {
                throw new IllegalStateException("OpenAPI fragments disagree on " + e.getKey());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
