package dev.vellum.richtext.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.richtext.RichTextException;
import java.util.Iterator;
import java.util.Set;

/** The fields of one JSON object of a document, read strictly: every error names the node's path. */
final class JsonNodeFields {
    private final JsonNode node;
    private final String path;

    private JsonNodeFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonNodeFields of(JsonNode node, String path, String what) throws RichTextException {
        if (node == null || !node.isObject()) {
            throw new RichTextException(path, "expected " + what + " (a JSON object), got " + kind(node));
        }
        return new JsonNodeFields(node, path);
    }

    String path() {
        return path;
    }

    RichTextException error(String reason) {
        return new RichTextException(path, reason);
    }

    /** Refuses any field not in {@code allowed}; {@code owner} names the node in the message. */
    void allowOnly(String owner, Set<String> allowed) throws RichTextException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error("unknown property \"" + name + "\" for " + owner
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String requiredString(String name) throws RichTextException {
        if (!has(name)) {
            throw error("missing \"" + name + "\"");
        }
        return optionalString(name);
    }

    /** The string value, or null when absent or null. */
    String optionalString(String name) throws RichTextException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error("\"" + name + "\" must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    int integer(String name, int min, int max, Integer fallback) throws RichTextException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw error("missing \"" + name + "\"");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw error("\"" + name + "\" must be an integer from " + min + " to " + max + ", got " + value);
        }
        return value.intValue();
    }

    /** The array, or an empty array node when absent. */
    JsonNode array(String name, boolean required) throws RichTextException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw error("missing \"" + name + "\"");
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw error("\"" + name + "\" must be an array, got " + kind(value));
        }
        return value;
    }

    /** The {@code attrs} object, strictly limited to {@code allowed}. */
    JsonNodeFields attrs(String owner, Set<String> allowed, boolean required) throws RichTextException {
        JsonNode value = node.get("attrs");
        if (value == null || value.isNull()) {
            if (required) {
                throw error("missing \"attrs\" for " + owner);
            }
            value = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw error("\"attrs\" must be an object, got " + kind(value));
        }
        JsonNodeFields attrs = new JsonNodeFields(value, path);
        attrs.allowOnly(owner + " attrs", allowed);
        return attrs;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case BINARY, MISSING, POJO -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
