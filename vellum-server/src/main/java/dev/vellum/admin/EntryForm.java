package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.TextType;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The entry form generated from a collection's schema, both ways: one input per field, chosen by its
 * type (rich-text editor, pickers, selects), and the entry JSON the entry service takes, read back from a
 * posted form. Inputs are named {@code f.<field id>}; errors from the service appear under their field.
 */
final class EntryForm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EntryForm() {}

    /**
     * @param entry   the entry's JSON (rich text as {@code {"html"}}); for a new entry, the fields' defaults
     * @param errors  messages keyed by path ({@code fields.title}, {@code slug}, …)
     */
    /** Stores a file chosen in an image or file field (in the asset library) and returns the field's value. */
    @FunctionalInterface
    interface Uploads {
        JsonNode store(io.javalin.http.UploadedFile file, String alt, boolean image);
    }

    /**
     * @param images  the asset library's recent images as (URL, label), offered by the rich-text editor; may be empty
     * @param uploads whether image and file fields offer an upload
     */
    static void inputs(Html h, String projectId, CollectionSchema c, JsonNode entry, Map<String, String> errors,
                       List<String[]> images, boolean uploads) {
        JsonNode values = entry.path("fields");
        for (Field f : c.fields()) {
            String id = "f-" + f.id();
            String name = "f." + f.id();
            String label = f.name() + (f.required() ? " (required)" : "");
            String error = errorFor(errors, "fields." + f.id());
            JsonNode v = values.get(f.id());
            String text = v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
            switch (f.type()) {
                case TextType t -> {
                    if (t.maxLength() != null && t.maxLength() <= 200) {
                        h.field(label, id, f.help(), error, "name", name, "value", text, "maxlength", t.maxLength().toString(),
                                "required", f.required() ? "" : null);
                    } else textarea(h, label, id, name, text, f.help(), error, 3);
                }
                case NumberType n -> h.field(label, id, f.help(), error, "name", name, "type", "number", "value", text,
                        "step", n.integer() ? "1" : "any", "min", n.min() == null ? null : plain(n.min()),
                        "max", n.max() == null ? null : plain(n.max()));
                case dev.vellum.schema.BooleanType b -> {
                    h.open("div", "class", error == null ? "field checks" : "field checks invalid").hidden("present." + f.id(), "1")
                            .open("label", "for", id).open("input", "type", "checkbox", "id", id, "name", name, "value", "true",
                                    "checked", v != null && v.asBoolean() ? "" : null).text(f.name()).close("label");
                    h.hints(id, f.help(), error).close("div");
                }
                case dev.vellum.schema.DateType d -> dateTime(h, label, id, name, text, f.help(), error);
                case EnumType e -> {
                    h.open("div", "class", error == null ? "field" : "field invalid").el("label", label, "for", id)
                            .open("select", "id", id, "name", name).el("option", "—", "value", "");
                    for (String o : e.options()) h.el("option", o, "value", o, "selected", o.equals(text) ? "" : null);
                    h.close("select").hints(id, f.help(), error).close("div");
                }
                case MultiEnumType m -> {
                    h.open("fieldset", "class", error == null ? "checks" : "checks invalid").el("legend", label);
                    int i = 0;
                    for (String o : m.options()) {
                        boolean on = v != null && v.isArray() && contains(v, o);
                        String oid = id + "-" + i++;
                        h.open("label", "for", oid).open("input", "type", "checkbox", "id", oid, "name", name, "value", o,
                                "checked", on ? "" : null).text(o).close("label");
                    }
                    h.hidden("present." + f.id(), "1").hints(id, f.help(), error).close("fieldset");
                }
                case dev.vellum.schema.RichTextType r -> richText(h, label, id, name, v, f.help(), error, images);
                case dev.vellum.schema.ImageType i -> media(h, label, id, name, v, f.help(), error, true, uploads);
                case dev.vellum.schema.FileType i -> media(h, label, id, name, v, f.help(), error, false, uploads);
                case dev.vellum.schema.ColorType col -> {
                    h.open("div", "class", error == null ? "field" : "field invalid").el("label", label, "for", id)
                            .open("div", "class", "color-pair")
                            .open("input", "id", id, "name", name, "value", text, "placeholder", "#rrggbb", "data-color-text", "",
                                    "aria-describedby", f.help() == null ? null : id + "-help")
                            .open("input", "type", "color", "aria-label", "Pick " + f.name(), "data-color-for", id,
                                    "value", text != null && text.matches("#[0-9a-fA-F]{6}.*") ? text.substring(0, 7) : "#000000")
                            .close("div").hints(id, f.help(), error).close("div");
                }
                case dev.vellum.schema.LinkType l -> h.field(label, id, f.help(), error, "name", name, "type", "url", "value", text);
                case dev.vellum.schema.ReferenceType ref -> reference(h, projectId, ref.targetCollection(), label, id, name, text, f.help(), error, false);
                case dev.vellum.schema.ReferencesType refs -> reference(h, projectId, refs.targetCollection(), label, id, name, lines(v), f.help(), error, true);
                case ArrayType a -> textarea(h, label + " (one per line)", id, name, lines(v), f.help(), error, 4);
            }
        }
    }

    /** The entry JSON from a posted form: only the schema's fields; empty inputs become null. */
    static ObjectNode read(Context ctx, CollectionSchema c, Uploads uploads) {
        ObjectNode body = JSON.objectNode();
        String slug = Forms.blankToNull(ctx.formParam("slug"));
        if (slug != null) body.put("slug", slug);
        body.put("draft", Forms.checked(ctx.formParam("draft")));
        String publishAt = utc(ctx, "publish_at");
        if (publishAt == null) body.putNull("publish_at");
        else body.put("publish_at", publishAt);
        ObjectNode fields = body.putObject("fields");
        for (Field f : c.fields()) {
            String name = "f." + f.id();
            String raw = ctx.formParam(name);
            boolean present = raw != null || ctx.formParam("present." + f.id()) != null || uploaded(ctx, name) != null;
            if (!present) continue;
            fields.set(f.id(), value(ctx, f, name, raw, uploads));
        }
        return body;
    }

    private static io.javalin.http.UploadedFile uploaded(Context ctx, String name) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/")) return null;
        io.javalin.http.UploadedFile file = ctx.uploadedFile(name + ".upload");
        return file == null || file.size() == 0 ? null : file;
    }

    private static JsonNode value(Context ctx, Field f, String name, String raw, Uploads uploads) {
        FieldType type = f.type();
        return switch (type) {
            case dev.vellum.schema.BooleanType b -> JSON.booleanNode(Forms.checked(raw));
            case MultiEnumType m -> {
                ArrayNode a = JSON.arrayNode();
                ctx.formParams(name).forEach(a::add);
                yield a;
            }
            case dev.vellum.schema.ReferencesType r -> list(FieldEditor.split(raw), "text");
            case ArrayType a -> list(java.util.Arrays.stream(raw == null ? new String[0] : raw.split("\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList(), a.of().name());
            case dev.vellum.schema.RichTextType r -> raw == null || raw.isBlank() ? JSON.nullNode() : JSON.objectNode().put("html", raw);
            case dev.vellum.schema.DateType d -> {
                String v = utc(ctx, name);
                yield v == null ? JSON.nullNode() : JSON.textNode(v);
            }
            case dev.vellum.schema.ImageType i -> media(ctx, name, raw, true, uploads);
            case dev.vellum.schema.FileType i -> media(ctx, name, raw, false, uploads);
            case NumberType n -> {
                if (raw == null || raw.isBlank()) yield JSON.nullNode();
                try {
                    yield JSON.numberNode(new java.math.BigDecimal(raw.strip()));
                } catch (NumberFormatException e) {
                    yield JSON.textNode(raw); // the validator says what is wrong, next to the field
                }
            }
            default -> raw == null || raw.isBlank() ? JSON.nullNode() : JSON.textNode(raw.strip());
        };
    }

    private static JsonNode media(Context ctx, String name, String raw, boolean image, Uploads uploads) {
        String alt = Forms.blankToNull(ctx.formParam(name + ".alt"));
        io.javalin.http.UploadedFile file = uploaded(ctx, name);
        if (file != null && uploads != null) return uploads.store(file, alt, image);
        if (raw == null || raw.isBlank()) return JSON.nullNode();
        ObjectNode o = JSON.objectNode().put("url", raw.strip());
        if (image && alt != null) o.put("alt", alt);
        return o;
    }

    private static ArrayNode list(List<String> items, String itemType) {
        ArrayNode a = JSON.arrayNode();
        for (String s : items) {
            if (itemType.equals("number")) {
                try {
                    a.add(new java.math.BigDecimal(s));
                    continue;
                } catch (NumberFormatException ignored) {
                    // kept as text: the validator names the bad item
                }
            }
            if (itemType.equals("boolean") && (s.equals("true") || s.equals("false"))) a.add(Boolean.parseBoolean(s));
            else a.add(s);
        }
        return a;
    }

    /**
     * A date-time input's value in UTC: the script sends {@code <name>.utc} converted from the browser's
     * zone; without the script the typed value is taken as UTC.
     */
    static String utc(Context ctx, String name) {
        String converted = Forms.blankToNull(ctx.formParam(name + ".utc"));
        if (converted != null) return converted;
        String typed = Forms.blankToNull(ctx.formParam(name));
        if (typed == null) return null;
        if (typed.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) return typed + (typed.length() == 16 ? ":00Z" : "Z");
        return typed;
    }

    static void dateTime(Html h, String label, String id, String name, String utc, String help, String error) {
        String local = utc == null ? null : utc.length() >= 16 ? utc.substring(0, 16) : utc + "T00:00";
        h.open("div", "class", error == null ? "field" : "field invalid")
                .open("label", "for", id).text(label + " ").el("span", "(UTC)", "class", "zone", "data-zone-label", "").close("label")
                .open("input", "type", "datetime-local", "id", id, "name", name, "value", local, "data-utc", utc == null ? "" : utc,
                        "aria-describedby", help == null ? null : id + "-help")
                .hints(id, help, error).close("div");
    }

    private static void textarea(Html h, String label, String id, String name, String text, String help, String error, int rows) {
        h.open("div", "class", error == null ? "field" : "field invalid").el("label", label, "for", id)
                .el("textarea", text, "id", id, "name", name, "rows", Integer.toString(rows),
                        "aria-describedby", help == null ? null : id + "-help", "aria-invalid", error == null ? null : "true")
                .hints(id, help, error).close("div");
    }

    private static void richText(Html h, String label, String id, String name, JsonNode v, String help, String error,
                                 List<String[]> images) {
        String html = v == null || v.isNull() ? "" : v.path("html").asText("");
        h.open("div", "class", error == null ? "field" : "field invalid", "data-rte-field", "").el("label", label, "for", id);
        h.open("div", "class", "toolbar", "role", "toolbar", "aria-label", label + " formatting", "hidden", "");
        for (String[] b : new String[][] {{"bold", "Bold"}, {"italic", "Italic"}, {"h2", "Heading"}, {"h3", "Subheading"},
                {"ul", "Bulleted list"}, {"ol", "Numbered list"}, {"quote", "Quote"}, {"code", "Code block"}, {"link", "Link"},
                {"image", "Image"}}) {
            h.button(b[1], "type", "button", "data-cmd", b[0]);
        }
        h.close("div");
        h.el("textarea", html, "id", id, "name", name, "rows", "8", "class", "rte-source", "data-rte", "",
                "aria-describedby", help == null ? null : id + "-help");
        if (!images.isEmpty()) {
            h.open("div", "class", "insert-image", "hidden", "").el("label", "Insert an image from the asset library", "for", id + "-images")
                    .open("select", "id", id + "-images", "data-insert-image", id).el("option", "—", "value", "");
            for (String[] img : images) h.el("option", img[1], "value", img[0]);
            h.close("select").close("div");
        }
        h.hints(id, help, error).close("div");
    }

    private static void media(Html h, String label, String id, String name, JsonNode v, String help, String error, boolean image,
                              boolean uploads) {
        String url = v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.path("url").asText(null);
        h.open("fieldset", "class", error == null ? "media" : "media invalid").el("legend", label);
        if (uploads) {
            h.field(image ? "Upload an image" : "Upload a file", id + "-upload", "Stored in the asset library; replaces the URL below.", null,
                    "type", "file", "name", name + ".upload", "accept", image ? "image/*" : null, "data-preview", id + "-preview");
        }
        h.field("URL", id, help, error, "name", name, "value", url, "data-preview", id + "-preview");
        if (image) h.field("Alternative text", id + "-alt", null, null, "name", name + ".alt", "value", v == null ? null : v.path("alt").asText(null));
        h.open("div", "class", "preview", "id", id + "-preview");
        if (image && url != null) h.open("img", "src", url, "alt", "Preview of " + label);
        else if (url != null) h.el("a", url, "href", url);
        h.close("div").close("fieldset");
    }

    private static void reference(Html h, String p, String target, String label, String id, String name, String value, String help,
                                  String error, boolean many) {
        String lookup = Links.entries(p, target) + "/lookup";
        h.open("div", "class", error == null ? "field" : "field invalid").el("label", label, "for", id);
        if (many) {
            h.el("textarea", value, "id", id, "name", name, "rows", "3", "class", "mono", "aria-describedby", id + "-help");
        } else {
            h.open("input", "id", id, "name", name, "value", value, "class", "mono", "aria-describedby", id + "-help");
        }
        h.hints(id, (many ? "Entry ids of " + target + ", one per line." : "The id of an entry of " + target + ".")
                + (help == null ? "" : " " + help), error);
        String sid = id + "-search";
        h.open("div", "class", "ref-search", "data-lookup", lookup, "data-target", id, "data-many", many ? "true" : "false", "hidden", "")
                .el("label", "Search " + target, "for", sid)
                .open("input", "id", sid, "type", "search", "autocomplete", "off", "list", sid + "-list")
                .open("datalist", "id", sid + "-list").close("datalist").close("div");
        h.close("div");
    }

    static String errorFor(Map<String, String> errors, String path) {
        String exact = errors.get(path);
        if (exact != null) return exact;
        for (var e : errors.entrySet()) if (e.getKey().startsWith(path + ".") || e.getKey().startsWith(path + "[")) return e.getValue();
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode x : array) if (x.asText().equals(value)) return true;
        return false;
    }

    private static String lines(JsonNode v) {
        if (v == null || !v.isArray()) return null;
        StringBuilder b = new StringBuilder();
        for (JsonNode x : v) b.append(x.isTextual() ? x.textValue() : x.isObject() && x.has("url") ? x.get("url").asText() : x.toString()).append('\n');
        return b.toString();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
