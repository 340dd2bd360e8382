package dev.vellum.schema;

import dev.vellum.ids.Identifiers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a field type and its options from a field's JSON, reporting every problem at once. */
final class FieldTypes {
    static final List<String> NAMES = List.of("text", "rich_text", "number", "boolean", "date", "enum", "multi_enum",
            "image", "file", "color", "link", "reference", "references", "array");
    private static final Pattern COLLECTION_ID = Identifiers.NAME;

    private FieldTypes() {}

    /** @return the type, or null when {@code errors} got at least one entry. */
    static FieldType parse(JsonNode json, String path, List<FieldError> errors, boolean allowArray) {
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            errors.add(new FieldError(path + ".type", "required", "type is required: one of " + NAMES));
            return null;
        }
        String type = typeNode.textValue();
        int before = errors.size();
        FieldType result = switch (type) {
            case "text" -> new TextType(positiveInt(json, "max_length", path, errors), pattern(json, path, errors));
            case "rich_text" -> new RichTextType();
            case "number" -> number(json, path, errors);
            case "boolean" -> new BooleanType();
            case "date" -> new DateType();
            case "enum" -> new EnumType(options(json, path, errors));
            case "multi_enum" -> new MultiEnumType(options(json, path, errors));
            case "image" -> new ImageType();
            case "file" -> new FileType();
            case "color" -> new ColorType();
            case "link" -> new LinkType();
            case "reference" -> new ReferenceType(collection(json, path, errors));
            case "references" -> new ReferencesType(collection(json, path, errors));
            case "array" -> array(json, path, errors, allowArray);
            default -> {
                errors.add(new FieldError(path + ".type", "unknown_type", "unknown type \"" + type + "\"; one of " + NAMES));
                yield null;
            }
        };
        return errors.size() == before ? result : null;
    }

    private static FieldType number(JsonNode json, String path, List<FieldError> errors) {
        JsonNode integer = json.get("integer");
        if (integer != null && !integer.isBoolean()) errors.add(new FieldError(path + ".integer", "type_mismatch", "must be true or false"));
        Double min = decimal(json, "min", path, errors);
        Double max = decimal(json, "max", path, errors);
        if (min != null && max != null && min > max) errors.add(new FieldError(path + ".min", "invalid_range", "min must not exceed max"));
        return new NumberType(integer != null && integer.asBoolean(), min, max);
    }

    private static FieldType array(JsonNode json, String path, List<FieldError> errors, boolean allowArray) {
        if (!allowArray) {
            errors.add(new FieldError(path + ".type", "nested_array", "an array's items cannot be arrays"));
            return null;
        }
        JsonNode of = json.get("of");
        if (of == null || !of.isObject()) {
            errors.add(new FieldError(path + ".of", "required", "an array needs \"of\": {\"type\": …}"));
            return null;
        }
        FieldType item = parse(of, path + ".of", errors, false);
        Integer maxItems = positiveInt(json, "max_items", path, errors);
        return item == null ? null : new ArrayType(item, maxItems);
    }

    private static List<String> options(JsonNode json, String path, List<FieldError> errors) {
        JsonNode node = json.get("options");
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new FieldError(path + ".options", "required", "needs a non-empty \"options\" array of strings"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode o : node) {
            if (!o.isTextual() || o.textValue().isEmpty() || o.textValue().length() > 200) {
                errors.add(new FieldError(path + ".options", "invalid_option", "options must be strings of 1 to 200 characters"));
                return List.of();
            }
            if (!seen.add(o.textValue())) {
                errors.add(new FieldError(path + ".options", "duplicate_option", "option \"" + o.textValue() + "\" appears twice"));
            }
            out.add(o.textValue());
        }
        return out;
    }

    private static String collection(JsonNode json, String path, List<FieldError> errors) {
        JsonNode c = json.get("collection");
        if (c == null || !c.isTextual() || !COLLECTION_ID.matcher(c.textValue()).matches()) {
            errors.add(new FieldError(path + ".collection", "required", "a reference needs \"collection\": the id of the target collection"));
            return null;
        }
        return c.textValue();
    }

    private static String pattern(JsonNode json, String path, List<FieldError> errors) {
        JsonNode p = json.get("pattern");
        if (p == null || p.isNull()) return null;
        if (!p.isTextual()) {
            errors.add(new FieldError(path + ".pattern", "type_mismatch", "must be a regular expression string"));
            return null;
        }
        try {
            Pattern.compile(p.textValue());
            return p.textValue();
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(path + ".pattern", "invalid_pattern", "not a valid regular expression: " + e.getDescription()));
            return null;
        }
    }

    private static Integer positiveInt(JsonNode json, String key, String path, List<FieldError> errors) {
        JsonNode n = json.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToExactIntegral() || n.asLong() < 1 || n.asLong() > Integer.MAX_VALUE) {
            errors.add(new FieldError(path + "." + key, "type_mismatch", "must be a whole number ≥ 1"));
            return null;
        }
        return n.asInt();
    }

    private static Double decimal(JsonNode json, String key, String path, List<FieldError> errors) {
        JsonNode n = json.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) {
            errors.add(new FieldError(path + "." + key, "type_mismatch", "must be a number"));
            return null;
        }
        return n.asDouble();
    }
}
