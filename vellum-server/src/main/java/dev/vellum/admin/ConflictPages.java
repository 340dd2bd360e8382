package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.content.RichTextFormat;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.sync.Conflict;
import dev.vellum.sync.Connection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The conflict screen: each item changed on both sides since the last sync, with the last synced
 * values and both versions side by side, the fields at odds marked (and those changed on one side only,
 * which merge). Resolve each item with Use Vellum, Use Directus, or a merge of the two chosen field by
 * field: the Directus values picked are first written to the entry (through EntryService, like any
 * edit), then the item is resolved with the Vellum side, so both sides end up with the merge.
 */
final class ConflictPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SLUG = "$slug";

    private final Services services;

    ConflictPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/connections/{id}/conflicts";
        routes.get(base, admin.page((ctx, s) -> list(ctx, s, 200, null)));
        routes.post(base + "/{cid}/resolve", admin.action(this::resolve));
    }

    private void list(Context ctx, Session s, int status, String error) {
        Connection c = services.sync().get(ConnectionPages.project(ctx, s), ctx.pathParam("id"));
        String p = c.projectId();
        CollectionSchema schema = services.collections().get(p, c.collection());
        List<Conflict> open = services.sync().conflicts(p, c.id(), "open");
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        Layout.notice(h, "error", error);
        if (open.isEmpty()) h.el("p", "No open conflicts.");
        else h.el("p", "These items changed on both sides since the last sync. Until resolved, syncs leave them alone.", "class", "muted");
        for (Conflict conflict : open) item(h, s, c, schema, conflict);
        h.open("p").el("a", "Back to the connection", "href", ConnectionPages.connection(p, c.id())).close("p");
        Layout.write(ctx, status, "Conflicts", s, SyncPages.crumbs(s, c, new Layout.Crumb("Conflicts", null)), h);
    }

    private static void item(Html h, Session s, Connection c, CollectionSchema schema, Conflict conflict) {
        String p = c.projectId();
        String key = "c-" + conflict.id();
        h.open("section", "class", "card conflict", "aria-labelledby", key);
        h.open("h2", "id", key).text(conflict.slug() == null ? "Item " + conflict.remoteId() : conflict.slug()).close("h2");
        h.open("p", "class", "muted").text("Directus id " + conflict.remoteId() + " \u00b7 ")
                .el("a", "entry " + conflict.entryId(), "href", Links.entry(p, c.collection(), conflict.entryId())).close("p");
        h.open("form", "method", "post", "action", ConnectionPages.connection(p, c.id()) + "/conflicts/" + conflict.id() + "/resolve");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.open("div", "class", "scroll").open("table", "class", "compare").open("thead").open("tr");
        for (String col : List.of("Field", "At the last sync", "Vellum", "Directus", "Keep")) h.el("th", col, "scope", "col");
        h.close("tr").close("thead").open("tbody");
        for (String f : keys(conflict)) {
            JsonNode base = value(conflict.base(), f);
            JsonNode vellum = value(conflict.vellum(), f);
            JsonNode directus = value(conflict.directus(), f);
            boolean atOdds = conflict.fields().contains(f);
            boolean vChanged = !vellum.equals(base);
            boolean dChanged = !directus.equals(base);
            String label = f.equals(SLUG) ? "Slug" : schema.field(f).map(dev.vellum.schema.Field::name).orElse(f);
            h.open("tr", "class", atOdds ? "changed" : null).open("th", "scope", "row").text(label);
            if (atOdds) h.el("span", "conflict", "class", "badge");
            else if (vChanged || dChanged) h.el("span", "changed in " + (vChanged ? "Vellum" : "Directus") + ", merges", "class", "badge");
            h.close("th").el("td", StaleEdit.show(base)).el("td", StaleEdit.show(vellum)).el("td", StaleEdit.show(directus)).open("td");
            if (atOdds) {
                String name = "pick." + f;
                String id = key + "-" + f.replace("$", "");
                h.open("fieldset", "class", "pick").el("legend", "Keep for " + label, "class", "visually-hidden")
                        .open("label", "for", id + "-v").open("input", "type", "radio", "id", id + "-v", "name", name, "value", "vellum", "checked", "")
                        .text("Vellum").close("label")
                        .open("label", "for", id + "-d").open("input", "type", "radio", "id", id + "-d", "name", name, "value", "directus")
                        .text("Directus").close("label").close("fieldset");
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("div");
        h.open("ul", "class", "actions");
        h.open("li").button("Use Vellum", "type", "submit", "name", "use", "value", "vellum", "class", "primary",
                "aria-label", "Use Vellum for " + conflict.slug()).close("li");
        h.open("li").button("Use Directus", "type", "submit", "name", "use", "value", "directus", "class", "primary",
                "aria-label", "Use Directus for " + conflict.slug()).close("li");
        h.open("li").button("Merge as picked", "type", "submit", "name", "use", "value", "merge",
                "aria-label", "Merge as picked for " + conflict.slug()).close("li");
        h.close("ul").close("form").close("section");
    }

    private void resolve(Context ctx, Session s) {
        Connection c = services.sync().get(ConnectionPages.project(ctx, s), ctx.pathParam("id"));
        String p = c.projectId();
        Conflict conflict = services.sync().conflicts(p, c.id(), "open").stream().filter(x -> x.id().equals(ctx.pathParam("cid"))).findFirst()
                .orElseThrow(() -> new VellumException.Conflict("conflict_resolved", "This conflict was resolved already (or does not exist)"));
        String use = ctx.formParam("use");
        List<String> fromDirectus = new ArrayList<>();
        if ("merge".equals(use)) {
            for (String f : conflict.fields()) if ("directus".equals(ctx.formParam("pick." + f))) fromDirectus.add(f);
            use = fromDirectus.isEmpty() ? "vellum" : fromDirectus.size() == conflict.fields().size() ? "directus" : "merge";
        }
        String how;
        try {
            if ("merge".equals(use)) {
                services.entries().update(p, c.collection(), conflict.entryId(), picked(conflict, fromDirectus), null, s.tokenId(), RichTextFormat.JSON);
                use = "vellum";
                how = "merged (" + String.join(", ", fromDirectus) + " from Directus)";
            } else {
                how = "Directus".equalsIgnoreCase(use) ? "Directus' version" : "Vellum's version";
            }
            services.sync().resolve(p, c.id(), conflict.id(), MAPPER.createObjectNode().put("use", use));
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            list(ctx, s, e.status(), Forms.message(e));
            return;
        }
        String done = "\u201c" + (conflict.slug() == null ? conflict.remoteId() : conflict.slug()) + "\u201d resolved: " + how
                + ", on both sides.";
        ctx.redirect(ConnectionPages.connection(p, c.id()) + "/conflicts?done=" + Links.query(done), HttpStatus.SEE_OTHER);
    }

    /** An entry update that takes the Directus values of {@code fields} (the slug as the entry's slug). */
    private static ObjectNode picked(Conflict conflict, List<String> fields) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode values = body.putObject("fields");
        for (String f : fields) {
            JsonNode v = value(conflict.directus(), f);
            if (f.equals(SLUG)) {
                if (!v.isNull()) body.put("slug", v.asText());
            } else {
                values.set(f, v);
            }
        }
        return body;
    }

    /** Every key the conflict knows, the fields at odds first. */
    private static Set<String> keys(Conflict conflict) {
        Set<String> out = new LinkedHashSet<>(conflict.fields());
        for (ObjectNode side : new ObjectNode[] {conflict.base(), conflict.vellum(), conflict.directus()}) {
            if (side != null) side.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static JsonNode value(ObjectNode side, String key) {
        JsonNode v = side == null ? null : side.get(key);
        return v == null ? NullNode.getInstance() : v;
    }
}
