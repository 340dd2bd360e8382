package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.RichTextType;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping screen of a Directus connection (the plugin's "map your fields"): one row per Vellum
 * field with the Directus field it syncs with (or ignored) and the type Directus suggests for it, the
 * slug and id fields, the options, and the Directus fields Vellum lacks, which can be added to the
 * collection with their suggested type. Used to configure a new connection and to reconfigure one.
 */
final class MappingForm {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Types a Directus field can be added to Vellum as, without further options. */
    static final List<String> ADDABLE = List.of("text", "rich_text", "number", "boolean", "date", "color", "enum", "multi_enum",
            "array", "image", "file");

    /** What the form shows: the current choices and the errors of the last attempt, keyed by the API's field paths. */
    record State(JsonNode mapping, String idField, String slugField, boolean alwaysOverwrite, String conflicts, Map<String, String> errors) {}

    private MappingForm() {}

    /** The rows, options and additions; {@code remote} is one collection of ConnectionService#probe/#remote. */
    static void render(Html h, CollectionSchema schema, JsonNode remote, State st) {
        JsonNode fields = remote.path("fields");
        h.el("h2", "Fields");
        h.el("p", "Each Vellum field syncs with the Directus field chosen for it, or is ignored. The Vellum type Directus "
                + "suggests for each of its fields is shown beside it.", "class", "muted");
        h.open("div", "class", "scroll").open("table", "class", "mapping").open("thead").open("tr");
        for (String c : List.of("Vellum field", "Type", "Directus field", "Rich text in Directus as")) h.el("th", c, "scope", "col");
        h.close("tr").close("thead").open("tbody");
        for (Field f : schema.fields()) {
            int i = rowOf(st.mapping(), f.id());
            JsonNode row = i < 0 ? MAPPER.createObjectNode() : st.mapping().get(i);
            String chosen = row.path("ignore").asBoolean(false) ? "" : row.path("remote").asText("");
            String id = "map-" + f.id();
            String error = i < 0 ? null : st.errors().getOrDefault("mapping[" + i + "].remote", st.errors().get("mapping[" + i + "].field"));
            String hint = hint(f, fields, chosen);
            h.open("tr", "class", error == null ? null : "invalid").open("th", "scope", "row").el("label", f.name(), "for", id).close("th")
                    .el("td", f.type().name());
            h.open("td").open("select", "id", id, "name", "map." + f.id(), "aria-describedby", describedBy(id, hint, error),
                    "aria-invalid", error == null ? null : "true");
            h.el("option", "\u2014 ignore \u2014", "value", "", "selected", chosen.isEmpty() ? "" : null);
            for (JsonNode rf : fields) {
                String name = rf.path("field").asText();
                h.el("option", label(rf), "value", name, "selected", name.equals(chosen) ? "" : null);
            }
            h.close("select").hints(id, hint, error).close("td").open("td");
            if (f.type() instanceof RichTextType) {
                String format = row.path("format").asText("html");
                h.open("select", "id", "format-" + f.id(), "name", "format." + f.id(), "aria-label", "Rich text format of " + f.name());
                for (String fm : List.of("html", "markdown")) h.el("option", fm.equals("html") ? "HTML" : "Markdown", "value", fm,
                        "selected", fm.equals(format) ? "" : null);
                h.close("select");
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("div");
        additions(h, schema, fields, st);
        h.el("h2", "Slug and ID");
        h.open("div", "class", "grid");
        select(h, "Directus field holding the slug", "slug_field", fields, st.slugField(), "(none: Vellum makes slugs)",
                "Items match by it; Directus items with a duplicate slug are skipped and reported.", st.errors().get("slug_field"));
        select(h, "Directus field identifying an item", "id_field", fields, st.idField(), null,
                "By default the primary key.", st.errors().get("id_field"));
        h.close("div");
        h.el("h2", "Conflicts");
        h.open("fieldset").el("legend", "When an item changed on both sides since the last sync");
        h.open("div", "class", "checks");
        radio(h, "conflicts", "field", "field".equals(st.conflicts()), "changes to different fields merge; the same field is a conflict");
        radio(h, "conflicts", "item", "item".equals(st.conflicts()), "any change on both sides is a conflict");
        h.close("div").close("fieldset");
        h.open("div", "class", "checks").open("label", "for", "always-overwrite")
                .open("input", "type", "checkbox", "id", "always-overwrite", "name", "always_overwrite", "checked", st.alwaysOverwrite() ? "" : null)
                .text("Always overwrite (skip the conflict screen): the side a sync reads from wins").close("label").close("div");
    }

    /** Directus fields with a suggested type that no Vellum field has: offered to be added to the collection. */
    private static void additions(Html h, CollectionSchema schema, JsonNode fields, State st) {
        Set<String> used = new HashSet<>();
        st.mapping().forEach(r -> used.add(r.path("remote").asText()));
        used.add(st.idField());
        used.add(st.slugField());
        boolean any = false;
        for (JsonNode rf : fields) {
            String name = rf.path("field").asText();
            String type = rf.path("suggested").path("type").asText(null);
            if (type == null || !ADDABLE.contains(type) || rf.path("suggested").path("system").asBoolean(false) || used.contains(name)
                    || schema.field(name).isPresent()) continue;
            if (!any) {
                h.el("h2", "Directus fields Vellum does not have");
                h.el("p", "Tick a field to add it to the Vellum collection (with the type chosen) and sync it.", "class", "muted");
                h.open("div", "class", "scroll").open("table").open("thead").open("tr");
                for (String c : List.of("Add", "Directus field", "Directus type", "As Vellum type")) h.el("th", c, "scope", "col");
                h.close("tr").close("thead").open("tbody");
                any = true;
            }
            h.open("tr").open("td").open("input", "type", "checkbox", "id", "add-" + name, "name", "add." + name).close("td")
                    .open("td").el("label", name, "for", "add-" + name).close("td").el("td", rf.path("type").asText()).open("td")
                    .open("select", "name", "type." + name, "aria-label", "Vellum type for " + name);
            for (String t : ADDABLE) h.el("option", t, "value", t, "selected", t.equals(type) ? "" : null);
            h.close("select").close("td").close("tr");
        }
        if (any) h.close("tbody").close("table").close("div");
    }

    /** The connection settings the form posted, as the sync API takes them (plus rows for the fields added). */
    static ObjectNode read(Context ctx, CollectionSchema schema, List<String> added) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode mapping = body.putArray("mapping");
        for (Field f : schema.fields()) {
            String remote = Forms.blankToNull(ctx.formParam("map." + f.id()));
            ObjectNode row = mapping.addObject().put("field", f.id());
            if (added.contains(f.id())) remote = f.id();
            if (remote == null) {
                row.put("ignore", true);
                continue;
            }
            row.put("remote", remote);
            if (f.type() instanceof RichTextType) row.put("format", "markdown".equals(ctx.formParam("format." + f.id())) ? "markdown" : "html");
        }
        String slug = Forms.blankToNull(ctx.formParam("slug_field"));
        if (slug == null) body.putNull("slug_field");
        else body.put("slug_field", slug);
        String id = Forms.blankToNull(ctx.formParam("id_field"));
        if (id != null) body.put("id_field", id);
        body.put("always_overwrite", Forms.checked(ctx.formParam("always_overwrite")));
        body.put("conflicts", "item".equals(ctx.formParam("conflicts")) ? "item" : "field");
        return body;
    }

    /** The Vellum field definitions for the Directus fields ticked to be added. */
    static ArrayNode additions(Context ctx, JsonNode remote) {
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode rf : remote.path("fields")) {
            String name = rf.path("field").asText();
            if (!Forms.checked(ctx.formParam("add." + name))) continue;
            String type = ctx.formParam("type." + name);
            if (!ADDABLE.contains(type)) continue;
            ObjectNode f = out.addObject().put("id", name).put("name", name).put("type", type);
            switch (type) {
                case "number" -> f.put("integer", List.of("integer", "bigInteger").contains(rf.path("type").asText()));
                case "enum", "multi_enum" -> f.set("options", rf.path("choices").isArray() ? rf.get("choices") : MAPPER.createArrayNode());
                case "array" -> f.putObject("of").put("type", "text");
                default -> { }
            }
        }
        return out;
    }

    /** The form's state from what was posted, to show it again with the errors of the attempt. */
    static State posted(ObjectNode body, Map<String, String> errors) {
        return new State(body.path("mapping"), body.path("id_field").asText(null), body.path("slug_field").asText(null),
                body.path("always_overwrite").asBoolean(false), body.path("conflicts").asText("field"), errors);
    }

    /** The collection named {@code name} in a ConnectionService#probe/#remote answer. */
    static JsonNode collection(JsonNode described, String name) {
        for (JsonNode c : described.path("collections")) if (c.path("collection").asText().equals(name)) return c;
        return null;
    }

    private static int rowOf(JsonNode mapping, String field) {
        for (int i = 0; i < mapping.size(); i++) if (mapping.get(i).path("field").asText().equals(field)) return i;
        return -1;
    }

    /** "title · string → text": the Directus field, its type, and the Vellum type suggested for it. */
    private static String label(JsonNode rf) {
        String suggested = rf.path("suggested").path("type").asText(null);
        return rf.path("field").asText() + " \u00b7 " + rf.path("type").asText() + (suggested == null ? " (not synced)" : " \u2192 " + suggested);
    }

    /** Says so when the chosen Directus field suggests another type than the Vellum field has. */
    private static String hint(Field f, JsonNode fields, String chosen) {
        if (chosen.isEmpty()) return null;
        for (JsonNode rf : fields) {
            if (!rf.path("field").asText().equals(chosen)) continue;
            String suggested = rf.path("suggested").path("type").asText(null);
            if (suggested == null) return "Directus field \u201c" + chosen + "\u201d is not a type sync converts.";
            if (!suggested.equals(f.type().name())) return "Directus suggests " + suggested + " for \u201c" + chosen + "\u201d; this field is "
                    + f.type().name() + ".";
        }
        return null;
    }

    private static void select(Html h, String label, String name, JsonNode fields, String chosen, String none, String help, String error) {
        String id = "conn-" + name.replace('_', '-');
        h.open("div", "class", error == null ? "field" : "field invalid").el("label", label, "for", id)
                .open("select", "id", id, "name", name, "aria-describedby", describedBy(id, help, error),
                        "aria-invalid", error == null ? null : "true");
        if (none != null) h.el("option", none, "value", "", "selected", chosen == null ? "" : null);
        for (JsonNode rf : fields) {
            String f = rf.path("field").asText();
            h.el("option", f, "value", f, "selected", f.equals(chosen) ? "" : null);
        }
        h.close("select").hints(id, help, error).close("div");
    }

    private static String describedBy(String id, String help, String error) {
        String ids = ((help == null ? "" : id + "-help ") + (error == null ? "" : id + "-error")).strip();
        return ids.isEmpty() ? null : ids;
    }

    private static void radio(Html h, String name, String value, boolean checked, String label) {
        String id = name + "-" + value;
        h.open("label", "for", id).open("input", "type", "radio", "id", id, "name", name, "value", value, "checked", checked ? "" : null)
                .text(label).close("label");
    }
}
