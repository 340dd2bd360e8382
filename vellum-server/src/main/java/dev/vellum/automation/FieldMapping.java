package dev.vellum.automation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one entry value comes from in an inbound payload: a JSON pointer ({@code "/data/object/email"}),
 * a template of pointers ({@code "{{/first}} {{/last}}"}), or a constant (a non-string JSON value, or
 * {@code {"const": …}}). Applying it yields the value, or null when the payload has none.
 */
public sealed interface FieldMapping {
    Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    JsonNode apply(JsonNode payload);

    record Pointer(JsonPointer pointer) implements FieldMapping {
        @Override
        public JsonNode apply(JsonNode payload) {
            JsonNode v = payload.at(pointer);
            return v.isMissingNode() ? null : v;
        }
    }

    /**
     * Literal text and pointers, alternating; a pointer with no value reads as empty text, and a
     * template none of whose pointers has a value has no value itself.
     */
    record Template(List<String> literals, List<JsonPointer> pointers) implements FieldMapping {
        @Override
        public JsonNode apply(JsonNode payload) {
            StringBuilder out = new StringBuilder(literals.getFirst());
            boolean any = false;
            for (int i = 0; i < pointers.size(); i++) {
                JsonNode v = payload.at(pointers.get(i));
                if (!v.isMissingNode() && !v.isNull()) {
                    out.append(v.isValueNode() ? v.asText() : v.toString());
                    any = true;
                }
                out.append(literals.get(i + 1));
            }
            String text = out.toString().strip();
            return any && !text.isEmpty() ? TextNode.valueOf(text) : null;
        }
    }

    record Constant(JsonNode value) implements FieldMapping {
        @Override
        public JsonNode apply(JsonNode payload) {
            return value;
        }
    }

    /** Reads a mapping value; throws IllegalArgumentException saying what is wrong. */
    static FieldMapping parse(JsonNode spec) {
        if (spec.isObject() && spec.size() == 1 && spec.has("const")) return new Constant(spec.get("const"));
        if (!spec.isTextual()) {
            if (spec.isValueNode()) return new Constant(spec);
            throw new IllegalArgumentException("a mapping is a JSON pointer, a template, a constant or {\"const\": …}");
        }
        String s = spec.textValue();
        if (s.contains("{{")) return template(s);
        if (s.isEmpty() || s.startsWith("/")) return new Pointer(pointer(s));
        throw new IllegalArgumentException("'" + s + "' is neither a JSON pointer (starting with /) nor a template ({{/pointer}});"
                + " write {\"const\": \"" + s + "\"} for fixed text");
    }

    private static Template template(String s) {
        List<String> literals = new ArrayList<>();
        List<JsonPointer> pointers = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        int last = 0;
        while (m.find()) {
            literals.add(s.substring(last, m.start()));
            pointers.add(pointer(m.group(1)));
            last = m.end();
        }
        literals.add(s.substring(last));
        if (pointers.isEmpty()) throw new IllegalArgumentException("template '" + s + "' has no {{/pointer}}");
        return new Template(literals, pointers);
    }

    private static JsonPointer pointer(String s) {
        if (!s.isEmpty() && !s.startsWith("/")) throw new IllegalArgumentException("'" + s + "' is not a JSON pointer: it starts with /");
        return JsonPointer.compile(s);
    }
}
