package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.storage.Dialect.ColumnKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Plain text; optional {@code max_length} (in code points) and {@code pattern} (a Java regex matched in full). */
public record TextType(Integer maxLength, String pattern) implements FieldType {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    @Override public String name() { return "text"; }
    @Override public ColumnKind column() { return ColumnKind.TEXT; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        String s = Values.text(value, "a string");
        if (maxLength != null && s.codePointCount(0, s.length()) > maxLength) {
            throw new InvalidValue("too_long", "must be at most " + maxLength + " characters");
        }
        if (pattern != null && !COMPILED.computeIfAbsent(pattern, Pattern::compile).matcher(s).matches()) {
            throw new InvalidValue("pattern_mismatch", "must match the pattern " + pattern);
        }
        return value instanceof TextNode ? value : TextNode.valueOf(s);
    }

    @Override
    public void writeOptions(ObjectNode field) {
        if (maxLength != null) field.put("max_length", maxLength);
        if (pattern != null) field.put("pattern", pattern);
    }
}
