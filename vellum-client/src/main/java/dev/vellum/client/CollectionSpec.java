package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection's schema as the client sends it: id, name, description, the text field slugs are made
 * from, and the ordered fields. A schema change sends the complete new field list.
 *
 * <pre>{@code CollectionSpec.of("posts", FieldSpec.of("title", "text").asRequired()).withSlugFrom("title")}</pre>
 */
public record CollectionSpec(String id, String name, String description, String slugFrom, List<FieldSpec> fields) {

    public CollectionSpec {
        Objects.requireNonNull(id, "id");
        fields = List.copyOf(fields);
    }

    public static CollectionSpec of(String id, FieldSpec... fields) {
        return new CollectionSpec(id, null, null, null, List.of(fields));
    }

    public CollectionSpec withName(String newName) {
        return new CollectionSpec(id, newName, description, slugFrom, fields);
    }

    public CollectionSpec withDescription(String text) {
        return new CollectionSpec(id, name, text, slugFrom, fields);
    }

    public CollectionSpec withSlugFrom(String fieldId) {
        return new CollectionSpec(id, name, description, fieldId, fields);
    }

    public CollectionSpec withFields(List<FieldSpec> newFields) {
        return new CollectionSpec(id, name, description, slugFrom, newFields);
    }

    public Optional<FieldSpec> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** The JSON form the API takes (as in a schema file). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object().put("id", id);
        if (name != null) o.put("name", name);
        if (description != null) o.put("description", description);
        if (slugFrom != null) o.put("slug_from", slugFrom);
        ArrayNode list = o.putArray("fields");
        fields.forEach(f -> list.add(f.toJson()));
        return o;
    }

    /** Reads a collection from its JSON form (a schema file, or an API response). */
    public static CollectionSpec fromJson(JsonNode n) {
        return from(n);
    }

    static CollectionSpec from(JsonNode n) {
        return new CollectionSpec(Json.text(n, "id"), Json.text(n, "name"), Json.text(n, "description"), Json.text(n, "slug_from"),
                Json.list(n, "fields", FieldSpec::from));
    }
}
