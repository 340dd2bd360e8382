package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The schema designer: create a collection; add, reorder, rename, configure and remove fields. Every
 * change goes through the schema API's safety checks; a change that would lose or invalidate data is
 * shown with the affected entries and the ways to resolve it, and applied only once resolved.
 */
final class SchemaPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Services services;
    private final PreviewLinks previews;

    SchemaPages(Services services, PreviewLinks previews) {
        this.services = services;
        this.previews = previews;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        routes.get("/admin/p/{p}/collections/new", admin.page((ctx, s) -> newCollection(ctx, s, 200, null)));
        routes.post("/admin/p/{p}/collections", admin.action(this::create));
        String base = "/admin/p/{p}/c/{c}/schema";
        routes.get(base, admin.page((ctx, s) -> designer(ctx, s, 200, null, null)));
        routes.post(base + "/settings", admin.action(this::settings));
        routes.post(base + "/fields", admin.action(this::addField));
        routes.post(base + "/fields/{f}", admin.action(this::changeField));
        routes.post(base + "/apply", admin.action(this::applyResolved));
    }

    private static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    private void newCollection(Context ctx, Session s, int status, String error) {
        String p = project(ctx, s);
        Html h = new Html();
        Layout.notice(h, "error", error);
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/collections", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("Id", "collection-id", "a-z, 0-9, - and _; used in URLs and the API, cannot change.", null, "name", "id",
                "required", "", "pattern", "[a-z0-9][a-z0-9_\\-]{0,63}", "value", ctx.formParam("id"));
        h.field("Name", "collection-name", null, null, "name", "name", "value", ctx.formParam("name"));
        h.open("div", "class", "checks").open("label", "for", "with-title")
                .open("input", "type", "checkbox", "id", "with-title", "name", "with_title", "checked", "")
                .text("Start with a required text field \u201ctitle\u201d, used for slugs").close("label").close("div");
        h.button("Create collection", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "New collection", s, Links.crumbs(s, p, new Layout.Crumb("New collection", null)), h);
    }

    private void create(Context ctx, Session s) {
        String p = project(ctx, s);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", ctx.formParam("id") == null ? "" : ctx.formParam("id").strip());
        String name = Forms.blankToNull(ctx.formParam("name"));
        if (name != null) body.put("name", name);
        ArrayNode fields = body.putArray("fields");
        if (Forms.checked(ctx.formParam("with_title"))) {
            fields.addObject().put("id", "title").put("name", "Title").put("type", "text").put("required", true);
            body.put("slug_from", "title");
        }
        try {
            CollectionSchema c = services.collections().create(p, body, s.tokenId());
            ctx.redirect(Links.schema(p, c.id()), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            newCollection(ctx, s, e.status(), Forms.message(e));
        }
    }

    private void settings(Context ctx, Session s) {
        try {
            previews.set(project(ctx, s), current(ctx, s).id(), ctx.formParam("preview_url"));
        } catch (VellumException.Invalid e) {
            designer(ctx, s, 422, e, null);
            return;
        }
        ObjectNode patch = MAPPER.createObjectNode();
        patch.put("name", ctx.formParam("name"));
        String description = Forms.blankToNull(ctx.formParam("description"));
        if (description == null) patch.putNull("description");
        else patch.put("description", description);
        String slugFrom = Forms.blankToNull(ctx.formParam("slug_from"));
        if (slugFrom == null) patch.putNull("slug_from");
        else patch.put("slug_from", slugFrom);
        apply(ctx, s, patch, "Collection settings saved.");
    }

    private void addField(Context ctx, Session s) {
        CollectionSchema c = current(ctx, s);
        ArrayNode fields = fields(c);
        fields.add(FieldEditor.read(ctx, null));
        apply(ctx, s, patchOf(fields), "Field added.");
    }

    private void changeField(Context ctx, Session s) {
        CollectionSchema c = current(ctx, s);
        String fieldId = ctx.pathParam("f");
        ArrayNode fields = fields(c);
        int i = indexOf(fields, fieldId);
        if (i < 0) throw new VellumException.NotFound("field_not_found", "No field '" + fieldId + "' in this collection");
        String op = ctx.formParam("op");
        String done;
        switch (op == null ? "" : op) {
            case "up", "down" -> {
                int j = "up".equals(op) ? i - 1 : i + 1;
                if (j < 0 || j >= fields.size()) {
                    ctx.redirect(Links.schema(c.projectId(), c.id()), HttpStatus.SEE_OTHER);
                    return;
                }
                JsonNode moved = fields.remove(i);
                fields.insert(j, moved);
                done = "Field \u201c" + fieldId + "\u201d moved " + op + ".";
            }
            case "remove" -> {
                fields.remove(i);
                done = "Field \u201c" + fieldId + "\u201d removed.";
            }
            default -> {
                fields.set(i, FieldEditor.read(ctx, fieldId));
                done = "Field \u201c" + fieldId + "\u201d saved.";
            }
        }
        apply(ctx, s, patchOf(fields), done);
    }

    /** Re-submits a refused change with the person's choice for each affected field. */
    private void applyResolved(Context ctx, Session s) throws Exception {
        ObjectNode patch = (ObjectNode) MAPPER.readTree(ctx.formParam("patch"));
        ObjectNode resolve = patch.putObject("resolve");
        for (String key : ctx.formParamMap().keySet()) {
            if (!key.startsWith("resolve.")) continue;
            String field = key.substring("resolve.".length());
            String choice = ctx.formParam(key);
            if ("discard".equals(choice) || "clear".equals(choice)) resolve.put(field, choice);
            else if ("set".equals(choice)) {
                JsonNode value = FieldEditor.defaultValue(typeOf(patch, field), ctx.formParam("set." + field));
                if (value != null) resolve.putObject(field).set("set", value);
            }
        }
        apply(ctx, s, patch, "Schema changed; the affected entries were resolved as chosen.");
    }

    private void apply(Context ctx, Session s, ObjectNode patch, String done) {
        String p = project(ctx, s);
        String c = ctx.pathParam("c");
        try {
            services.collections().update(p, c, patch, s.tokenId());
            ctx.redirect(Links.schema(p, c) + "?done=" + Links.query(done), HttpStatus.SEE_OTHER);
        } catch (VellumException.Conflict e) {
            designer(ctx, s, 409, e, patch);
        } catch (VellumException.Invalid e) {
            designer(ctx, s, 422, e, null);
        }
    }

    private CollectionSchema current(Context ctx, Session s) {
        return services.collections().get(project(ctx, s), ctx.pathParam("c"));
    }

    private void designer(Context ctx, Session s, int status, VellumException problem, ObjectNode refusedPatch) {
        String p = project(ctx, s);
        CollectionSchema c = services.collections().get(p, ctx.pathParam("c"));
        List<String> collections = services.collections().list(p).stream().map(CollectionSchema::id).toList();
        String action = Links.schema(p, c.id());
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        if (problem != null && refusedPatch != null && "schema_change_conflict".equals(problem.code())) {
            conflicts(h, s, action, problem, refusedPatch);
        } else if (problem != null) {
            Layout.notice(h, "error", Forms.message(problem));
        }
        h.open("p").el("a", "Entries of " + c.name(), "href", Links.entries(p, c.id())).close("p");

        h.el("h2", "Fields");
        if (c.fields().isEmpty()) h.el("p", "No fields yet: add the first one below.");
        JsonNode fields = SchemaJson.definition(c.definition()).get("fields");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            String id = f.get("id").asText();
            h.open("details", "class", "schema-field", "id", "field-" + id).open("summary")
                    .text(f.path("name").asText(id)).el("span", f.get("type").asText(), "class", "badge");
            if (f.path("required").asBoolean()) h.el("span", "required", "class", "badge");
            h.el("code", " " + id).close("summary");
            h.open("form", "method", "post", "action", action + "/fields/" + id, "class", "card");
            h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
            FieldEditor.inputs(h, "f-" + id, f, collections);
            h.open("div", "class", "row-actions");
            h.button("Save field", "type", "submit", "name", "op", "value", "save", "class", "primary");
            if (i > 0) h.button("Move up", "type", "submit", "name", "op", "value", "up", "formnovalidate", "");
            if (i < fields.size() - 1) h.button("Move down", "type", "submit", "name", "op", "value", "down", "formnovalidate", "");
            h.button("Remove field", "type", "submit", "name", "op", "value", "remove", "class", "danger", "formnovalidate", "");
            h.close("div").close("form").close("details");
        }

        h.el("h2", "Add a field");
        h.open("form", "method", "post", "action", action + "/fields", "class", "card", "id", "add-field");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        FieldEditor.inputs(h, "new", MAPPER.createObjectNode(), collections);
        h.button("Add field", "type", "submit", "class", "primary").close("form");

        h.el("h2", "Collection settings");
        h.open("form", "method", "post", "action", action + "/settings", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("Name", "c-name", null, null, "name", "name", "value", c.name());
        h.field("Description", "c-description", null, null, "name", "description", "value", c.description());
        h.open("div", "class", "field").el("label", "Make slugs from", "for", "c-slug-from")
                .open("select", "id", "c-slug-from", "name", "slug_from").el("option", "— (slugs given by hand)", "value", "");
        c.fields().stream().filter(f -> f.type().name().equals("text")).forEach(f ->
                h.el("option", f.name(), "value", f.id(), "selected", f.id().equals(c.slugFrom()) ? "" : null));
        h.close("select").close("div");
        h.field("Preview URL", "c-preview", "Where an entry can be seen on the site, e.g. https://site.example.com/blog/{slug}; "
                + "{slug}, {id} and {field id} are replaced by the entry's values. Shown as a link on each entry.", null,
                "name", "preview_url", "type", "url", "value", previews.template(p, c.id()).orElse(null));
        h.button("Save settings", "type", "submit").close("form");
        Layout.write(ctx, status, "Schema: " + c.name(), s,
                Links.crumbs(s, p, new Layout.Crumb(c.name(), Links.entries(p, c.id())), new Layout.Crumb("Schema", null)), h);
    }

    /** The refused change: what it would do to which entries, and a form to choose per field. */
    private static void conflicts(Html h, Session s, String action, VellumException e, ObjectNode patch) {
        h.open("section", "class", "card conflict", "aria-labelledby", "conflict-title", "role", "alert");
        h.el("h2", "This change would lose or invalidate data", "id", "conflict-title");
        h.el("p", "Nothing was changed. Choose what happens to the affected entries, or leave this page to cancel.");
        h.open("form", "method", "post", "action", action + "/apply");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        patch.remove("resolve");
        h.hidden("patch", patch.toString());
        for (FieldError fe : e.errors()) {
            String field = fe.field().startsWith("fields.") ? fe.field().substring(7) : fe.field();
            String k = "r-" + field;
            h.open("fieldset").el("legend", "Field \u201c" + field + "\u201d").el("p", fe.message());
            switch (fe.code()) {
                case "data_loss" -> radio(h, k + "-discard", field, "discard", "Discard the values of these entries", true);
                case "invalid_values" -> {
                    radio(h, k + "-clear", field, "clear", "Clear the values that do not convert", true);
                    radio(h, k + "-set", field, "set", "Replace them with a value:", false);
                    h.field("Replacement value for " + field, k + "-value", null, null, "name", "set." + field);
                }
                default -> {
                    radio(h, k + "-set", field, "set", "Fill them with a value:", true);
                    h.field("Value for " + field, k + "-value", null, null, "name", "set." + field);
                }
            }
            h.close("fieldset");
        }
        h.button("Apply the change", "type", "submit", "class", "primary").close("form").close("section");
    }

    private static void radio(Html h, String id, String field, String value, String label, boolean checked) {
        h.open("div", "class", "checks").open("label", "for", id)
                .open("input", "type", "radio", "id", id, "name", "resolve." + field, "value", value, "checked", checked ? "" : null)
                .text(label).close("label").close("div");
    }

    private static ArrayNode fields(CollectionSchema c) {
        return (ArrayNode) SchemaJson.definition(c.definition()).get("fields");
    }

    private static ObjectNode patchOf(ArrayNode fields) {
        ObjectNode patch = MAPPER.createObjectNode();
        patch.set("fields", fields);
        return patch;
    }

    private static int indexOf(ArrayNode fields, String id) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).path("id").asText().equals(id)) return i;
        return -1;
    }

    private static String typeOf(ObjectNode patch, String field) {
        for (JsonNode f : patch.path("fields")) if (f.path("id").asText().equals(field)) return f.path("type").asText();
        return "text";
    }
}
