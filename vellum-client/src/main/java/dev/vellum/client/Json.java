package dev.vellum.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The client's JSON: one mapper, and null-tolerant readers for the API's snake_case members. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Any value (a map, a list, a string, a node…) as a JSON tree. */
    static JsonNode tree(Object value) {
        return value instanceof JsonNode n ? n.deepCopy() : MAPPER.valueToTree(value);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static JsonNode read(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /** The member as text, or null when absent or null. */
    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant instant(JsonNode n, String key) {
        String v = text(n, key);
        return v == null ? null : Instant.parse(v);
    }

    static Long longOrNull(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /** The array member read item by item; empty when absent. */
    static <T> List<T> list(JsonNode n, String key, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        n.path(key).forEach(item -> out.add(read.apply(item)));
        return List.copyOf(out);
    }

    static FieldError fieldError(JsonNode n) {
        return new FieldError(text(n, "field"), text(n, "code"), text(n, "message"));
    }
}
