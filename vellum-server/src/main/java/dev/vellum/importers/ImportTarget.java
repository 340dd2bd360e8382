package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.CollectionService;
import dev.vellum.schema.Field;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where one kind of imported item goes: a collection (created with the importer's definition when
 * missing, or an existing one named by the mapping) and the importer's field ids renamed onto that
 * collection's. Values for fields the collection lacks are left out and listed in {@link #dropped()}.
 */
public final class ImportTarget {
    private final String collectionId;
    private final Map<String, String> renames;
    private final Set<String> available;
    private final Set<String> dropped = new TreeSet<>();

    private ImportTarget(String collectionId, Map<String, String> renames, Set<String> available) {
        this.collectionId = collectionId;
        this.renames = renames;
        this.available = available;
    }

    /**
     * Resolves the mapping for {@code kind} ({@code options.mapping.<kind>}: a collection id, or
     * {@code {"collection": id, "fields": {importer field: collection field}}}) and makes sure the collection exists.
     */
    public static ImportTarget ensure(CollectionService collections, String projectId, String kind, JsonNode mapping,
                                      ObjectNode definition) {
        JsonNode m = mapping == null ? null : mapping.get(kind);
        String collectionId = definition.path("id").asText();
        Map<String, String> renames = new HashMap<>();
        if (m != null && m.isTextual()) {
            collectionId = m.textValue();
        } else if (m != null && m.isObject()) {
            collectionId = m.path("collection").asText(collectionId);
            JsonNode fields = m.path("fields");
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) throw invalid("options.mapping." + kind + ".fields." + e.getKey(), "must name a field");
                renames.put(e.getKey(), e.getValue().textValue());
            }
        } else if (m != null && !m.isNull()) {
            throw invalid("options.mapping." + kind, "must be a collection id or {\"collection\", \"fields\"}");
        }
        String id = collectionId;
        CollectionSchema schema = collections.list(projectId).stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        if (schema == null) {
            ObjectNode d = renamed(definition, collectionId, renames);
            schema = collections.create(projectId, d, null);
        }
        Set<String> fields = schema.fields().stream().map(Field::id).collect(Collectors.toSet());
        return new ImportTarget(collectionId, renames, fields);
    }

    /** The importer's definition with the mapping's collection id and field names applied. */
    private static ObjectNode renamed(ObjectNode definition, String collectionId, Map<String, String> renames) {
        ObjectNode d = definition.deepCopy();
        d.put("id", collectionId);
        d.withArray("fields").forEach(f -> {
            String id = f.path("id").asText();
            if (renames.containsKey(id)) ((ObjectNode) f).put("id", renames.get(id));
        });
        if (d.has("slug_from") && renames.containsKey(d.get("slug_from").asText())) d.put("slug_from", renames.get(d.get("slug_from").asText()));
        return d;
    }

    public String collectionId() {
        return collectionId;
    }

    /** The importer's values renamed onto the collection's fields, without the ones it lacks. */
    public ObjectNode fields(ObjectNode values) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        values.fields().forEachRemaining(e -> {
            String id = renames.getOrDefault(e.getKey(), e.getKey());
            if (available.contains(id)) out.set(id, e.getValue());
            else synchronized (dropped) {
                dropped.add(id);
            }
        });
        return out;
    }

    public Set<String> dropped() {
        synchronized (dropped) {
            return Set.copyOf(dropped);
        }
    }

    static VellumException invalid(String field, String message) {
        return new VellumException.Invalid("invalid_import", "The import request is not valid", List.of(new FieldError(field, "invalid", message)));
    }
}
