package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What a schema change should do with stored values that would otherwise be lost or invalid: the
 * {@code resolve} member of {@code PATCH …/collections/{c}}, per field.
 */
public sealed interface SchemaResolution {

    /** Remove a field together with its values. */
    record Discard() implements SchemaResolution {}

    /** Empty the values that do not fit the new type or options. */
    record Clear() implements SchemaResolution {}

    /** Put {@code value} where a value is missing or does not fit. */
    record SetValue(JsonNode value) implements SchemaResolution {
        public SetValue {
            value = value.deepCopy();
        }
    }

    static SchemaResolution discard() {
        return new Discard();
    }

    static SchemaResolution clear() {
        return new Clear();
    }

    /** {@code value}: anything JSON-able (a string, a number, a map, a node). */
    static SchemaResolution set(Object value) {
        return new SetValue(Json.tree(value));
    }

    default JsonNode toJson() {
        return switch (this) {
            case Discard d -> TextNode.valueOf("discard");
            case Clear c -> TextNode.valueOf("clear");
            case SetValue s -> Json.object().set("set", s.value());
        };
    }
}
