package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One field of a collection's schema: its id, name, type name ({@code text}, {@code number},
 * {@code reference}…), flags, and its type's options as they travel in JSON ({@code max_length},
 * {@code options}, {@code collection}, {@code of}…). The common options have typed getters;
 * {@link #option(String)} reads any other, so options added to the server later need no new client.
 *
 * <pre>{@code FieldSpec.of("title", "text").asRequired().withOption("max_length", 120)}</pre>
 */
public record FieldSpec(String id, String name, String type, boolean required, boolean unique, String description,
                        ObjectNode options) {
    private static final Set<String> COMMON = Set.of("id", "name", "type", "required", "unique", "description");

    public FieldSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        options = options == null ? Json.object() : options.deepCopy();
        for (String key : COMMON) options.remove(key);
    }

    /** A field with no options; its name defaults to its id on the server. */
    public static FieldSpec of(String id, String type) {
        return new FieldSpec(id, null, type, false, false, null, null);
    }

    @Override
    public ObjectNode options() {
        return options.deepCopy();
    }

    /** An option as JSON; missing (not null) when the field does not have it. */
    public JsonNode option(String key) {
        return options.path(key).deepCopy();
    }

    public FieldSpec withName(String newName) {
        return new FieldSpec(id, newName, type, required, unique, description, options);
    }

    public FieldSpec withDescription(String text) {
        return new FieldSpec(id, name, type, required, unique, text, options);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(id, name, type, true, unique, description, options);
    }

    public FieldSpec asUnique() {
        return new FieldSpec(id, name, type, required, true, description, options);
    }

    /** This field with one option set (any JSON-able value: a number, a list, a map, a node). */
    public FieldSpec withOption(String key, Object value) {
        ObjectNode o = options.deepCopy();
        o.set(key, Json.tree(value));
        return new FieldSpec(id, name, type, required, unique, description, o);
    }

    /** In a schema change: this field is {@code oldId} renamed, and keeps its values. */
    public FieldSpec renamedFrom(String oldId) {
        return withOption("renamed_from", oldId);
    }

    /** {@code max_length} of a text field. */
    public OptionalLong maxLength() {
        return options.path("max_length").canConvertToLong() ? OptionalLong.of(options.get("max_length").asLong()) : OptionalLong.empty();
    }

    /** {@code pattern} of a text field (a Java regex the whole value must match). */
    public Optional<String> pattern() {
        return Optional.ofNullable(Json.text(options, "pattern"));
    }

    /** Whether a number field takes whole numbers only. */
    public boolean integer() {
        return options.path("integer").asBoolean(false);
    }

    public OptionalDouble min() {
        return options.path("min").isNumber() ? OptionalDouble.of(options.get("min").asDouble()) : OptionalDouble.empty();
    }

    public OptionalDouble max() {
        return options.path("max").isNumber() ? OptionalDouble.of(options.get("max").asDouble()) : OptionalDouble.empty();
    }

    /** The {@code options} of an enum or multi_enum field. */
    public List<String> choices() {
        List<String> out = new ArrayList<>();
        options.path("options").forEach(o -> out.add(o.asText()));
        return List.copyOf(out);
    }

    /** The target collection of a reference or references field. */
    public Optional<String> collection() {
        return Optional.ofNullable(Json.text(options, "collection"));
    }

    /** The item type of an array field ({@code of.type}); its options are in {@code option("of")}. */
    public Optional<String> itemType() {
        return Optional.ofNullable(Json.text(options.path("of"), "type"));
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object().put("id", id).put("type", type);
        if (name != null) o.put("name", name);
        if (required) o.put("required", true);
        if (unique) o.put("unique", true);
        if (description != null) o.put("description", description);
        o.setAll(options.deepCopy());
        return o;
    }

    static FieldSpec from(JsonNode n) {
        ObjectNode options = n.isObject() ? ((ObjectNode) n).deepCopy() : Json.object();
        return new FieldSpec(Json.text(n, "id"), Json.text(n, "name"), Json.text(n, "type"), n.path("required").asBoolean(false),
                n.path("unique").asBoolean(false), Json.text(n, "description"), options);
    }
}
