package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * Converts a stored value to a field's new type when a schema changes, only where nothing is lost:
 * a number or boolean to text, text that spells a number to a number, one value to a one-item list,
 * plain text to a rich-text paragraph. Anything else that the new type rejects stays invalid.
 */
public final class ValueConversion {
    private ValueConversion() {}

    public static JsonNode convert(FieldType to, JsonNode value) throws InvalidValue {
        InvalidValue first;
        try {
            return to.normalize(value);
        } catch (InvalidValue e) {
            first = e;
        }
        JsonNode candidate = candidate(to, value);
        if (candidate == null) throw first;
        return to.normalize(candidate);
    }

    private static JsonNode candidate(FieldType to, JsonNode value) {
        return switch (to) {
            case TextType t -> value.isNumber() || value.isBoolean() ? TextNode.valueOf(value.asText()) : null;
            case EnumType t -> value.isNumber() || value.isBoolean() ? TextNode.valueOf(value.asText()) : null;
            case NumberType t -> value.isTextual() ? number(value.textValue()) : null;
            case BooleanType t -> value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))
                    ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.textValue())) : null;
            case MultiEnumType t -> value.isArray() ? null : JsonNodeFactory.instance.arrayNode().add(value);
            case ReferencesType t -> value.isArray() ? null : JsonNodeFactory.instance.arrayNode().add(value);
            case ArrayType t -> value.isArray() ? null : JsonNodeFactory.instance.arrayNode().add(value);
            case RichTextType t -> value.isTextual() ? paragraph(value.textValue()) : null;
            default -> null;
        };
    }

    private static JsonNode number(String s) {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? LongNode.valueOf(d.longValueExact()) : DoubleNode.valueOf(d.doubleValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Text as one paragraph, via HTML so that no character is read as markup. */
    private static JsonNode paragraph(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return JsonNodeFactory.instance.objectNode().put("html", "<p>" + escaped + "</p>");
    }
}
