package dev.vellum.importers.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import java.util.Locale;

/**
 * Text from a CSV cell (or a JSON string where the field wants something else) read as the field's
 * type: numbers, booleans (true/false, yes/no, 1/0), lists split on {@code ;} (or {@code |}),
 * rich text as Markdown. What cannot be read is a per-row error naming the field.
 */
final class Coercion {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Why a value could not be read as its field's type. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private Coercion() {}

    static JsonNode coerce(FieldType type, JsonNode value) throws Unreadable {
        if (value == null || value.isNull()) return value;
        if (!value.isTextual()) return value; // JSON that is already typed goes to validation as it is
        String s = value.textValue();
        if (s.isEmpty()) return F.nullNode();
        return switch (type) {
            case NumberType n -> number(s);
            case BooleanType b -> bool(s);
            case RichTextType r -> F.objectNode().put("markdown", s);
            case MultiEnumType m -> list(s, null);
            case ReferencesType r -> list(s, null);
            case ArrayType a -> list(s, a.of());
            default -> value;
        };
    }

    private static JsonNode number(String s) throws Unreadable {
        try {
            String t = s.trim().replace("_", "");
            if (t.matches("[-+]?\\d+")) return F.numberNode(Long.parseLong(t));
            return F.numberNode(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new Unreadable("'" + abbreviate(s) + "' is not a number");
        }
    }

    private static JsonNode bool(String s) throws Unreadable {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "on" -> F.booleanNode(true);
            case "false", "no", "n", "0", "off" -> F.booleanNode(false);
            default -> throw new Unreadable("'" + abbreviate(s) + "' is not true/false, yes/no or 1/0");
        };
    }

    private static JsonNode list(String s, FieldType item) throws Unreadable {
        ArrayNode out = F.arrayNode();
        String sep = s.contains(";") ? ";" : s.contains("|") ? "\\|" : ",";
        for (String part : s.split(sep)) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            out.add(item == null ? new TextNode(p) : coerce(item, new TextNode(p)));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
