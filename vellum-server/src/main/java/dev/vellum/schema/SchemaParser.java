package dev.vellum.schema;

import dev.vellum.ids.Identifiers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads collection definitions (create) and schema patches (change) from JSON; all errors at once, 422. */
public final class SchemaParser {
    public static final Pattern COLLECTION_ID = Identifiers.NAME;
    static final Pattern FIELD_ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final int MAX_FIELDS = 200;

    private SchemaParser() {}

    public static CollectionDefinition parseCreate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String id = text(body, "id", errors, true);
        if (id != null && !COLLECTION_ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "invalid_id", "must be 1–64 characters of a-z, 0-9, _ or -, starting with a letter or digit"));
        }
        JsonNode fieldsNode = body.get("fields");
        List<Field> fields = fieldsNode == null ? List.of() : fields(fieldsNode, errors, new HashMap<>());
        CollectionDefinition d = new CollectionDefinition(id,
                orDefault(text(body, "name", errors, false), id), text(body, "description", errors, false),
                text(body, "slug_from", errors, false), fields);
        checkSlugFrom(d, errors);
        fail(errors);
        return d;
    }

    /** A change: the new definition plus, for renamed fields, their previous id (new id → old id). */
    public record SchemaPatch(CollectionDefinition definition, Map<String, String> renamedFrom, Map<String, JsonNode> resolve) {}

    public static SchemaPatch parsePatch(CollectionDefinition current, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.has("id") && !body.get("id").asText().equals(current.id())) {
            errors.add(new FieldError("id", "immutable", "a collection's id cannot change"));
        }
        Map<String, String> renames = new HashMap<>();
        List<Field> fields = body.has("fields") ? fields(body.get("fields"), errors, renames) : current.fields();
        String slugFrom = body.has("slug_from") ? text(body, "slug_from", errors, false) : current.slugFrom();
        CollectionDefinition d = new CollectionDefinition(current.id(),
                body.has("name") ? orDefault(text(body, "name", errors, false), current.id()) : current.name(),
                body.has("description") ? text(body, "description", errors, false) : current.description(),
                slugFrom, fields);
        checkSlugFrom(d, errors);
        Map<String, JsonNode> resolve = new HashMap<>();
        JsonNode r = body.get("resolve");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) errors.add(new FieldError("resolve", "type_mismatch", "must be an object of field id → \"discard\" | \"clear\" | {\"set\": value}"));
            else r.fields().forEachRemaining(e -> resolve.put(e.getKey(), e.getValue()));
        }
        fail(errors);
        return new SchemaPatch(d, renames, resolve);
    }

    private static List<Field> fields(JsonNode node, List<FieldError> errors, Map<String, String> renames) {
        if (!node.isArray()) {
            errors.add(new FieldError("fields", "type_mismatch", "must be an array of fields"));
            return List.of();
        }
        if (node.size() > MAX_FIELDS) errors.add(new FieldError("fields", "too_many_fields", "at most " + MAX_FIELDS + " fields"));
        List<Field> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode f = node.get(i);
            String path = "fields[" + i + "]";
            if (!f.isObject()) {
                errors.add(new FieldError(path, "type_mismatch", "must be an object"));
                continue;
            }
            String id = f.path("id").asText(null);
            if (id != null && !ids.add(id)) errors.add(new FieldError(path + ".id", "duplicate_field", "field \"" + id + "\" appears twice"));
            Field field = field(f, path, errors);
            if (field == null) continue;
            JsonNode from = f.get("renamed_from");
            if (from != null && from.isTextual() && !from.textValue().equals(field.id())) renames.put(field.id(), from.textValue());
            out.add(field);
        }
        return out;
    }

    private static Field field(JsonNode f, String path, List<FieldError> errors) {
        int before = errors.size();
        String id = text(f, "id", errors, true, path);
        if (id != null && !FIELD_ID.matcher(id).matches()) {
            errors.add(new FieldError(path + ".id", "invalid_id", "must be 1–63 characters of a-z, 0-9 or _, starting with a letter"));
        } else if (id != null && SystemAttributes.NAMES.contains(id)) {
            errors.add(new FieldError(path + ".id", "reserved_id", "\"" + id + "\" is a system attribute"));
        }
        FieldType type = FieldTypes.parse(f, path, errors, true);
        boolean required = flag(f, "required", path, errors);
        boolean unique = flag(f, "unique", path, errors);
        boolean searchable = !f.has("searchable") || f.get("searchable").isNull() || flag(f, "searchable", path, errors);
        if (type != null && unique && !type.scalar()) {
            errors.add(new FieldError(path + ".unique", "not_supported", "unique is supported on scalar types only, not " + type.name()));
        }
        String name = text(f, "name", errors, false, path);
        String description = text(f, "description", errors, false, path);
        String help = text(f, "help", errors, false, path);
        JsonNode defaultValue = type == null ? null : defaultValue(f.get("default"), type, path, errors);
        if (errors.size() != before) return null;
        return new Field(id, orDefault(name, id), type, required, unique, description, help, defaultValue, searchable);
    }

    /** A field's default, validated and normalised like a value of its type; null when absent. */
    private static JsonNode defaultValue(JsonNode value, FieldType type, String path, List<FieldError> errors) {
        if (value == null || value.isNull()) return null;
        try {
            return type.normalize(value);
        } catch (InvalidValue e) {
            errors.add(new FieldError(path + ".default", "invalid_default", "the default is not a valid " + type.name()
                    + " value: " + e.getMessage()));
            return null;
        }
    }

    private static void checkSlugFrom(CollectionDefinition d, List<FieldError> errors) {
        if (d.slugFrom() == null) return;
        var f = d.fields().stream().filter(x -> x.id().equals(d.slugFrom())).findFirst();
        if (f.isEmpty() || !(f.get().type() instanceof TextType)) {
            errors.add(new FieldError("slug_from", "invalid_slug_from", "slug_from must name a text field of this collection"));
        }
    }

    private static boolean flag(JsonNode f, String key, String path, List<FieldError> errors) {
        JsonNode n = f.get(key);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) errors.add(new FieldError(path + "." + key, "type_mismatch", "must be true or false"));
        return n.asBoolean();
    }

    private static String text(JsonNode node, String key, List<FieldError> errors, boolean required) {
        return text(node, key, errors, required, null);
    }

    private static String text(JsonNode node, String key, List<FieldError> errors, boolean required, String path) {
        String where = path == null ? key : path + "." + key;
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            if (required) errors.add(new FieldError(where, "required", key + " is required"));
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(where, "type_mismatch", "must be a string"));
            return null;
        }
        if (n.textValue().length() > 1000) errors.add(new FieldError(where, "too_long", "must be at most 1000 characters"));
        return n.textValue();
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_schema", "The collection schema is not valid", errors);
    }
}
