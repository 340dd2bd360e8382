package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * The schema designer's field form, both ways: the inputs for a field of any type (with its options,
 * default and help), and the field JSON the schema API takes, read back from a posted form.
 */
final class FieldEditor {
    static final List<String> TYPES = List.of("text", "rich_text", "number", "boolean", "date", "enum", "multi_enum",
            "image", "file", "color", "link", "reference", "references", "array");
    private static final List<String> ITEM_TYPES = List.of("text", "number", "boolean", "date", "enum", "image", "file",
            "color", "link", "reference");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldEditor() {}

    /** The inputs for one field; {@code f} is its current JSON (empty for a new field), {@code k} makes ids unique. */
    static void inputs(Html h, String k, JsonNode f, List<String> collections) {
        String type = f.path("type").asText("text");
        h.open("div", "class", "grid");
        h.field("Id", k + "-id", "a-z, 0-9 and _, starting with a letter. Changing it renames the field; values are kept.", null,
                "name", "id", "required", "", "pattern", "[a-z][a-z0-9_]{0,62}", "value", f.path("id").asText(null));
        h.field("Label", k + "-name", null, null, "name", "name", "value", f.path("name").asText(null));
        h.open("div", "class", "field").el("label", "Type", "for", k + "-type")
                .open("select", "id", k + "-type", "name", "type", "data-type-select", "");
        for (String t : TYPES) h.el("option", t, "value", t, "selected", t.equals(type) ? "" : null);
        h.close("select").close("div");
        h.close("div");
        h.open("div", "class", "checks");
        check(h, k + "-required", "required", "Required", f.path("required").asBoolean());
        check(h, k + "-unique", "unique", "Unique", f.path("unique").asBoolean());
        check(h, k + "-searchable", "searchable", "Searchable (full-text search indexes its text)", f.path("searchable").asBoolean(true));
        h.close("div");
        h.field("Help text", k + "-help", "Shown under the field in the entry form.", null, "name", "help", "value", f.path("help").asText(null));
        h.field("Default", k + "-default", "New entries start with this value. Lists: one per line or comma-separated.", null,
                "name", "default", "value", defaultText(f.get("default")));
        h.open("fieldset", "class", "options").el("legend", "Type options");
        h.field("Max length (text)", k + "-max-length", null, null, "name", "max_length", "type", "number", "min", "1",
                "value", f.path("max_length").asText(null));
        h.field("Pattern (text, regular expression)", k + "-pattern", null, null, "name", "pattern", "value", f.path("pattern").asText(null));
        h.open("div", "class", "checks");
        check(h, k + "-integer", "integer", "Whole numbers only (number)", f.path("integer").asBoolean());
        h.close("div");
        h.field("Minimum (number)", k + "-min", null, null, "name", "min", "type", "number", "step", "any", "value", f.path("min").asText(null));
        h.field("Maximum (number)", k + "-max", null, null, "name", "max", "type", "number", "step", "any", "value", f.path("max").asText(null));
        h.open("div", "class", "field").el("label", "Options (enum, multi-enum; one per line)", "for", k + "-options")
                .el("textarea", lines(f.get("options")), "id", k + "-options", "name", "options", "rows", "3").close("div");
        h.open("div", "class", "field").el("label", "Target collection (reference, references)", "for", k + "-collection")
                .open("select", "id", k + "-collection", "name", "collection").el("option", "—", "value", "");
        for (String c : collections) h.el("option", c, "value", c, "selected", c.equals(f.path("collection").asText()) ? "" : null);
        h.close("select").close("div");
        String of = f.path("of").path("type").asText("text");
        h.open("div", "class", "field").el("label", "Item type (array)", "for", k + "-of")
                .open("select", "id", k + "-of", "name", "of");
        for (String t : ITEM_TYPES) h.el("option", t, "value", t, "selected", t.equals(of) ? "" : null);
        h.close("select").close("div");
        h.close("fieldset");
    }

    private static void check(Html h, String id, String name, String label, boolean on) {
        h.open("label", "for", id).open("input", "type", "checkbox", "id", id, "name", name, "checked", on ? "" : null)
                .text(label).close("label");
    }

    /** The field JSON for the schema API from a posted field form; options apply only to the chosen type. */
    static ObjectNode read(Context ctx, String renamedFrom) {
        ObjectNode f = JSON.objectNode();
        String type = ctx.formParam("type");
        f.put("id", strip(ctx.formParam("id")));
        putText(f, "name", ctx.formParam("name"));
        f.put("type", type);
        f.put("required", Forms.checked(ctx.formParam("required")));
        f.put("unique", Forms.checked(ctx.formParam("unique")));
        if (!Forms.checked(ctx.formParam("searchable"))) f.put("searchable", false); // searchable is the default
        putText(f, "help", ctx.formParam("help"));
        if (renamedFrom != null && !renamedFrom.equals(f.path("id").asText())) f.put("renamed_from", renamedFrom);
        switch (type == null ? "" : type) {
            case "text" -> {
                putNumber(f, "max_length", ctx.formParam("max_length"));
                putText(f, "pattern", ctx.formParam("pattern"));
            }
            case "number" -> {
                f.put("integer", Forms.checked(ctx.formParam("integer")));
                putNumber(f, "min", ctx.formParam("min"));
                putNumber(f, "max", ctx.formParam("max"));
            }
            case "enum", "multi_enum" -> {
                ArrayNode options = f.putArray("options");
                for (String o : split(ctx.formParam("options"))) options.add(o);
            }
            case "reference", "references" -> putText(f, "collection", ctx.formParam("collection"));
            case "array" -> f.putObject("of").put("type", ctx.formParam("of") == null ? "text" : ctx.formParam("of"));
            default -> { }
        }
        JsonNode d = defaultValue(type, ctx.formParam("default"));
        if (d != null) f.set("default", d);
        return f;
    }

    /** A default typed as text, as JSON of the field's type (the server validates it). */
    static JsonNode defaultValue(String type, String raw) {
        if (raw == null || raw.isBlank()) return null;
        String v = raw.strip();
        return switch (type == null ? "" : type) {
            case "number" -> {
                try {
                    yield JSON.numberNode(new java.math.BigDecimal(v));
                } catch (NumberFormatException e) {
                    yield JSON.textNode(v);
                }
            }
            case "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? JSON.booleanNode(Boolean.parseBoolean(v.toLowerCase())) : JSON.textNode(v);
            case "multi_enum", "references", "array" -> {
                ArrayNode a = JSON.arrayNode();
                for (String s : split(v)) a.add(s);
                yield a;
            }
            default -> JSON.textNode(v);
        };
    }

    static List<String> split(String s) {
        if (s == null) return List.of();
        return java.util.Arrays.stream(s.split("[\\n,]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String lines(JsonNode options) {
        if (options == null || !options.isArray()) return "";
        StringBuilder b = new StringBuilder();
        for (JsonNode o : options) b.append(o.asText()).append('\n');
        return b.toString();
    }

    private static String defaultText(JsonNode d) {
        if (d == null || d.isNull()) return null;
        if (d.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode x : d) b.append(b.isEmpty() ? "" : ", ").append(x.isTextual() ? x.textValue() : x.toString());
            return b.toString();
        }
        return d.isTextual() ? d.textValue() : d.toString();
    }

    private static void putText(ObjectNode f, String key, String v) {
        if (v != null && !v.isBlank()) f.put(key, v.strip());
    }

    private static void putNumber(ObjectNode f, String key, String v) {
        if (v == null || v.isBlank()) return;
        try {
            f.put(key, new java.math.BigDecimal(v.strip()));
        } catch (NumberFormatException e) {
            f.put(key, v.strip()); // the schema API names the field and says what is wrong
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
