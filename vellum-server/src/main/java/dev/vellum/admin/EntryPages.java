package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetService;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** One entry: create and edit in a form made from the schema, delete; a stale edit (412) offers reload or both versions. */
final class EntryPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Services services;
    private final PreviewLinks previews;

    EntryPages(Services services, PreviewLinks previews) {
        this.services = services;
        this.previews = previews;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/c/{c}";
        routes.get(base + "/new", admin.page((ctx, s) -> {
            CollectionSchema c = collection(ctx, s, Scope.WRITE);
            form(ctx, s, c, 200, null, defaults(c), Map.of(), null);
        }));
        routes.post(base + "/new", admin.action(this::create));
        routes.get(base + "/e/{id}", admin.page((ctx, s) -> {
            CollectionSchema c = collection(ctx, s, Scope.READ);
            EntryService.Rendered r = services.entries().get(c.projectId(), c.id(), ctx.pathParam("id"),
                    Access.seesDrafts(s.principal()), RichTextFormat.HTML);
            services.assets().expand(c.projectId(), r.body()); // image and file fields that name an asset show its URL
            form(ctx, s, c, 200, r.id(), r.body(), Map.of(), ctx.queryParam("done"));
        }));
        routes.post(base + "/e/{id}", admin.action((ctx, s) -> {
            CollectionSchema c = collection(ctx, s, Scope.WRITE);
            save(ctx, s, EntryForm.read(ctx, c, uploads(c.projectId())));
        }));
        routes.post(base + "/e/{id}/mine", admin.action((ctx, s) -> save(ctx, s, (ObjectNode) MAPPER.readTree(ctx.formParam("body")))));
        routes.post(base + "/e/{id}/delete", admin.action(this::delete));
    }

    private CollectionSchema collection(Context ctx, Session s, Scope scope) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, scope);
        return services.collections().get(p, ctx.pathParam("c"));
    }

    private static ObjectNode defaults(CollectionSchema c) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("draft", true);
        ObjectNode fields = entry.putObject("fields");
        for (Field f : c.fields()) {
            JsonNode d = f.defaultValue();
            if (d == null) continue;
            fields.set(f.id(), f.type() instanceof dev.vellum.schema.RichTextType ? richTextAsHtml(d) : d);
        }
        return entry;
    }

    private static JsonNode richTextAsHtml(JsonNode document) {
        try {
            return MAPPER.createObjectNode().put("html", RichText.toHtml(RichText.fromJson(document)));
        } catch (RichTextException e) {
            return null; // a default is validated when the schema is saved; nothing to show otherwise
        }
    }

    private void create(Context ctx, Session s) {
        CollectionSchema c = collection(ctx, s, Scope.WRITE);
        ObjectNode body = EntryForm.read(ctx, c, uploads(c.projectId()));
        try {
            EntryService.Created created = services.entries().create(c.projectId(), c.id(), body, s.tokenId(), null, RichTextFormat.HTML);
            ctx.redirect(Links.entry(c.projectId(), c.id(), created.id()) + "?done=" + Links.query("Entry created."), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            form(ctx, s, c, e.status(), null, body, errors(e), null);
        }
    }

    private void save(Context ctx, Session s, ObjectNode body) {
        CollectionSchema c = collection(ctx, s, Scope.WRITE);
        String id = ctx.pathParam("id");
        Long version = parseVersion(ctx.formParam("version"));
        try {
            services.entries().update(c.projectId(), c.id(), id, body, version, s.tokenId(), RichTextFormat.HTML);
            ctx.redirect(Links.entry(c.projectId(), c.id(), id) + "?done=" + Links.query("Saved."), HttpStatus.SEE_OTHER);
        } catch (VellumException.PreconditionFailed e) {
            EntryService.Rendered current = services.entries().get(c.projectId(), c.id(), id, true, RichTextFormat.HTML);
            services.assets().expand(c.projectId(), current.body());
            StaleEdit.page(ctx, s, c, body, current);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            body.put("id", id).put("version", version == null ? 0 : version);
            form(ctx, s, c, e.status(), id, body, errors(e), null);
        }
    }

    private void delete(Context ctx, Session s) {
        CollectionSchema c = collection(ctx, s, Scope.WRITE);
        services.entries().delete(c.projectId(), c.id(), ctx.pathParam("id"), parseVersion(ctx.formParam("version")), s.tokenId());
        ctx.redirect(Links.entries(c.projectId(), c.id()) + "?done=" + Links.query("Entry deleted."), HttpStatus.SEE_OTHER);
    }

    /** Files chosen in image and file fields go into the asset library; the field gets the asset's URL (and size, type). */
    private EntryForm.Uploads uploads(String projectId) {
        AssetService assets = services.assets();
        return (file, alt, image) -> {
            Asset a = AssetPages.store(assets, projectId, file, alt).asset();
            ObjectNode v = MAPPER.createObjectNode().put("url", assets.url(a));
            if (image) {
                if (alt != null) v.put("alt", alt);
                if (a.width() != null) v.put("width", a.width()).put("height", a.height());
            } else {
                v.put("name", a.filename()).put("size", a.size()).put("content_type", a.contentType());
            }
            return v;
        };
    }


    private static Map<String, String> errors(VellumException e) {
        Map<String, String> out = new java.util.HashMap<>(Forms.byField(e));
        if (e.errors().isEmpty()) out.put("slug", e.detail()); // a duplicate slug or unique value: 409 without a field list
        return out;
    }

    private static Long parseVersion(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void form(Context ctx, Session s, CollectionSchema c, int status, String id, JsonNode entry, Map<String, String> errors,
                      String done) {
        String p = c.projectId();
        boolean canWrite = Scopes.has(s, p, Scope.WRITE);
        String action = id == null ? Links.entries(p, c.id()) + "/new" : Links.entry(p, c.id(), id);
        Html h = new Html();
        Layout.notice(h, "ok", done);
        if (!errors.isEmpty()) Layout.notice(h, "error", "The entry was not saved: please correct the fields marked below.");
        if (id != null) {
            h.open("p", "class", "muted").text("Version " + entry.path("version").asText() + " · updated " + Times.utc(entry.path("updated_at").asText(null)));
            previews.template(p, c.id()).ifPresent(t -> h.text(" · ").el("a", "Preview on the site", "href", PreviewLinks.fill(t, entry),
                    "target", "_blank", "rel", "noopener", "id", "preview-link"));
            h.close("p");
        }
        h.open("form", "method", "post", "action", action, "class", "card entry-form", "novalidate", "",
                "enctype", canWrite ? "multipart/form-data" : null);
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        if (id != null) h.hidden("version", entry.path("version").asText());
        h.field("Slug", "slug", c.slugFrom() == null ? "Unique in this collection." : "Leave empty to make it from " + c.slugFrom() + ".",
                EntryForm.errorFor(errors, "slug"), "name", "slug", "value", entry.path("slug").asText(null));
        EntryForm.inputs(h, p, c, entry, errors, canWrite ? AssetPages.recentImages(services.assets(), p) : java.util.List.of(), canWrite);
        h.open("fieldset").el("legend", "Publishing");
        h.open("div", "class", "checks").open("label", "for", "draft")
                .open("input", "type", "checkbox", "id", "draft", "name", "draft", "value", "true", "checked",
                        entry.path("draft").asBoolean(false) ? "" : null)
                .text("Draft (hidden from read-only tokens and the site)").close("label").close("div");
        EntryForm.dateTime(h, "Publish at", "publish_at", "publish_at", entry.path("publish_at").asText(null),
                "A draft with a time goes live then.", EntryForm.errorFor(errors, "publish_at"));
        h.close("fieldset");
        if (canWrite) h.button(id == null ? "Create entry" : "Save", "type", "submit", "class", "primary");
        h.close("form");
        if (id != null && canWrite) {
            h.open("form", "method", "post", "action", action + "/delete", "data-confirm", "Delete this entry for good?")
                    .hidden(SessionCookies.CSRF_FIELD, s.csrf()).hidden("version", entry.path("version").asText())
                    .button("Delete entry", "type", "submit", "class", "danger").close("form");
        }
        String title = id == null ? "New " + c.name() + " entry" : entry.path("slug").asText(id);
        Layout.write(ctx, status, title, s, Links.crumbs(s, p, new Layout.Crumb(c.name(), Links.entries(p, c.id())),
                new Layout.Crumb(id == null ? "New" : title, null)), h);
    }
}
