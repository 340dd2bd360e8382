package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads Directus' field and relation descriptions ({@code GET /fields/c}, {@code GET /relations}) into {@link RemoteField}s. */
public final class RemoteSchema {
    private RemoteSchema() {}

    /** The fields of {@code collection}, with their relations resolved. */
    public static List<RemoteField> fields(String collection, JsonNode fields, JsonNode relations) {
        List<RemoteField> out = new ArrayList<>();
        for (JsonNode f : fields) {
            if (!collection.equals(f.path("collection").asText(collection))) continue;
            String name = f.path("field").asText();
            JsonNode meta = f.path("meta");
            List<String> special = new ArrayList<>();
            JsonNode sp = meta.path("special");
            if (sp.isArray()) sp.forEach(s -> special.add(s.asText()));
            else if (sp.isTextual()) for (String s : sp.asText().split(",")) if (!s.isBlank()) special.add(s.strip());
            List<String> choices = new ArrayList<>();
            meta.path("options").path("choices").forEach(c -> choices.add(c.isObject() ? c.path("value").asText() : c.asText()));
            out.add(new RemoteField(name, f.path("type").asText(), meta.path("interface").asText(null), special,
                    f.path("schema").path("is_primary_key").asBoolean(false), choices, relation(collection, name, special, relations)));
        }
        return out;
    }

    private static RemoteField.Relation relation(String collection, String field, List<String> special, JsonNode relations) {
        if (special.contains("m2m") || special.contains("files")) {
            for (JsonNode r : relations) {
                JsonNode meta = r.path("meta");
                if (collection.equals(meta.path("one_collection").asText()) && field.equals(meta.path("one_field").asText())) {
                    String junction = r.path("collection").asText();
                    String junctionField = meta.path("junction_field").asText(null);
                    String related = null;
                    for (JsonNode other : relations) {
                        if (junction.equals(other.path("collection").asText()) && other.path("field").asText().equals(junctionField)) {
                            related = other.path("related_collection").asText(null);
                        }
                    }
                    return new RemoteField.Relation(RemoteField.Relation.Kind.M2M, related, junction, r.path("field").asText(), junctionField);
                }
            }
            return null;
        }
        for (JsonNode r : relations) {
            if (collection.equals(r.path("collection").asText()) && field.equals(r.path("field").asText())) {
                String related = r.path("related_collection").asText(null);
                if (related == null) return null;
                RemoteField.Relation.Kind kind = related.equals("directus_files") ? RemoteField.Relation.Kind.FILE : RemoteField.Relation.Kind.M2O;
                return new RemoteField.Relation(kind, related, null, null, null);
            }
        }
        return null;
    }
}
