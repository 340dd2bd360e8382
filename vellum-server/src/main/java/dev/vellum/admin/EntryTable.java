package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.query.ListParams;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection's entries: columns chosen from the schema, a filter in the query language (the server's
 * error shown at its position), sort by column, cursor paging, and bulk delete / publish / unpublish.
 */
final class EntryTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 50;
    private static final int DEFAULT_COLUMNS = 4;
    private final Services services;

    EntryTable(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/c/{c}";
        routes.get(base, admin.page(this::table));
        routes.post(base + "/bulk", admin.action(this::bulk));
        routes.get(base + "/lookup", admin.page(this::lookup));
    }

    private CollectionSchema collection(Context ctx, Session s, Scope scope) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, scope);
        return services.collections().get(p, ctx.pathParam("c"));
    }

    /** What the table shows: filter, sort, cursor and columns, all in the URL so a view can be shared. */
    private record View(String filter, String sort, String cursor, List<Field> columns) {
        String url(String base, String newSort, String newCursor) {
            StringBuilder b = new StringBuilder(base).append('?');
            if (filter != null) b.append("filter=").append(Links.query(filter)).append('&');
            if (newSort != null) b.append("sort=").append(Links.query(newSort)).append('&');
            if (newCursor != null) b.append("cursor=").append(Links.query(newCursor)).append('&');
            for (Field f : columns) b.append("cols=").append(f.id()).append('&');
            return b.substring(0, b.length() - 1);
        }
    }

    private void table(Context ctx, Session s) {
        CollectionSchema c = collection(ctx, s, Scope.READ);
        String p = c.projectId();
        List<String> wanted = ctx.queryParams("cols");
        List<Field> columns = new ArrayList<>();
        for (Field f : c.fields()) {
            if (wanted.isEmpty() ? f.type().scalar() && columns.size() < DEFAULT_COLUMNS : wanted.contains(f.id())) columns.add(f);
        }
        View view = new View(Forms.blankToNull(ctx.queryParam("filter")), Forms.blankToNull(ctx.queryParam("sort")),
                Forms.blankToNull(ctx.queryParam("cursor")), columns);
        String fields = columns.isEmpty() ? "slug" : String.join(",", columns.stream().map(Field::id).toList());
        ObjectNode page = null;
        VellumException problem = null;
        try {
            page = services.entries().list(p, c.id(), new ListParams(Integer.toString(PAGE), view.cursor(), view.sort(), fields,
                    total(ctx, view) ? "true" : null, view.filter()), Access.seesDrafts(s.principal()), RichTextFormat.JSON);
            services.assets().expand(p, page);
        } catch (VellumException.BadRequest e) {
            problem = e;
        }
        boolean canWrite = Scopes.has(s, p, Scope.WRITE);
        String base = Links.entries(p, c.id());
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        h.open("ul", "class", "actions");
        if (canWrite) h.open("li").el("a", "New entry", "href", base + "/new", "class", "button").close("li");
        if (Scopes.has(s, p, Scope.ADMIN)) h.open("li").el("a", "Schema", "href", Links.schema(p, c.id()), "class", "button").close("li");
        h.close("ul");
        filterForm(h, c, view, problem);
        if (page != null) rows(h, s, c, view, page, canWrite, base);
        Layout.write(ctx, problem == null ? 200 : 400, c.name(), s, Links.crumbs(s, p, new Layout.Crumb(c.name(), null)), h);
    }

    /**
     * Whether to count: on the first page of the whole collection (an index-only count), or when asked.
     * Counting a filter's matches can mean reading much of a large collection, so that is one click away.
     */
    private static boolean total(Context ctx, View view) {
        return view.cursor() == null && (view.filter() == null || "1".equals(ctx.queryParam("count")));
    }

    private static void filterForm(Html h, CollectionSchema c, View view, VellumException problem) {
        h.open("form", "method", "get", "class", "card filter", "role", "search");
        String error = problem == null ? null : Forms.message(problem);
        h.field("Filter", "filter", "The query language, e.g. views >= 10 and title ~ \"java\". Fields: "
                        + String.join(", ", c.fields().stream().map(Field::id).toList()) + ", slug, draft, created_at, updated_at.",
                error, "name", "filter", "value", view.filter(), "class", "mono", "spellcheck", "false", "autocomplete", "off");
        if (problem != null && view.filter() != null) {
            for (FieldError fe : problem.errors()) {
                if (fe.position() == null) continue;
                int at = Math.min(fe.position(), view.filter().length());
                h.open("p", "class", "filter-error mono", "aria-hidden", "true").text(view.filter().substring(0, at))
                        .el("mark", at < view.filter().length() ? view.filter().substring(at, at + 1) : "\u2038")
                        .text(at < view.filter().length() ? view.filter().substring(at + 1) : "").close("p");
                break;
            }
        }
        if (view.sort() != null) h.hidden("sort", view.sort());
        h.open("details").el("summary", "Columns").open("div", "class", "checks");
        for (Field f : c.fields()) {
            String id = "col-" + f.id();
            h.open("label", "for", id).open("input", "type", "checkbox", "id", id, "name", "cols", "value", f.id(),
                    "checked", view.columns().contains(f) ? "" : null).text(f.name()).close("label");
        }
        h.close("div").close("details");
        h.button("Apply", "type", "submit", "class", "primary").close("form");
    }

    private static void rows(Html h, Session s, CollectionSchema c, View view, ObjectNode page, boolean canWrite, String base) {
        JsonNode data = page.get("data");
        if (page.has("total")) h.el("p", page.get("total").asLong() + " entries" + (view.filter() == null ? "" : " match"), "class", "muted", "role", "status");
        else if (view.filter() != null && view.cursor() == null) {
            h.open("p", "class", "muted", "role", "status").text("Entries matching the filter. ")
                    .el("a", "Count them", "href", view.url(base, view.sort(), null) + "&count=1").close("p");
        }
        h.open("form", "method", "post", "action", base + "/bulk", "id", "bulk");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        if (canWrite) {
            h.open("div", "class", "bulk").el("label", "With selected:", "for", "bulk-op")
                    .open("select", "id", "bulk-op", "name", "op")
                    .el("option", "Publish", "value", "publish").el("option", "Unpublish (make draft)", "value", "unpublish")
                    .el("option", "Delete", "value", "delete").close("select")
                    .button("Apply to selected", "type", "submit").close("div");
        }
        h.open("div", "class", "scroll").open("table", "class", "entries").open("thead").open("tr");
        if (canWrite) h.open("th", "scope", "col").open("input", "type", "checkbox", "aria-label", "Select all", "data-select-all", "").close("th");
        sortable(h, view, base, "slug", "Slug");
        for (Field f : view.columns()) {
            if (f.type().scalar()) sortable(h, view, base, f.id(), f.name());
            else h.el("th", f.name(), "scope", "col");
        }
        sortable(h, view, base, "updated_at", "Updated");
        h.el("th", "State", "scope", "col").close("tr").close("thead").open("tbody");
        for (JsonNode e : data) {
            String id = e.get("id").asText();
            h.open("tr");
            if (canWrite) h.open("td").open("input", "type", "checkbox", "name", "ids", "value", id,
                    "aria-label", "Select " + e.path("slug").asText(id)).close("td");
            h.open("td").el("a", e.path("slug").asText(id), "href", Links.entry(c.projectId(), c.id(), id)).close("td");
            for (Field f : view.columns()) h.el("td", cell(e.path("fields").get(f.id())), "class", f.type().name().equals("number") ? "num" : null);
            h.el("td", Times.utc(e.path("updated_at").asText(null))).el("td", e.path("draft").asBoolean() ? "draft" : "published").close("tr");
        }
        h.close("tbody").close("table").close("div").close("form");
        if (data.isEmpty()) h.el("p", "No entries" + (view.filter() == null ? " yet." : " match this filter."));
        h.open("nav", "class", "pager", "aria-label", "Pages");
        if (view.cursor() != null) h.el("a", "First page", "href", view.url(base, view.sort(), null));
        JsonNode next = page.get("next_cursor");
        if (next != null && !next.isNull()) h.el("a", "Next page", "href", view.url(base, view.sort(), next.asText()), "rel", "next");
        h.close("nav");
    }

    private static void sortable(Html h, View view, String base, String key, String label) {
        boolean asc = key.equals(view.sort());
        boolean desc = ("-" + key).equals(view.sort());
        h.open("th", "scope", "col", "aria-sort", asc ? "ascending" : desc ? "descending" : null)
                .el("a", label + (asc ? " \u25b2" : desc ? " \u25bc" : ""), "href", view.url(base, asc ? "-" + key : key, null))
                .close("th");
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) return "";
        String s = v.isTextual() ? v.textValue() : v.isObject() && v.has("url") ? v.get("url").asText() : v.toString();
        return s.length() > 80 ? s.substring(0, 79) + "\u2026" : s;
    }

    private void bulk(Context ctx, Session s) {
        CollectionSchema c = collection(ctx, s, Scope.WRITE);
        List<String> ids = ctx.formParams("ids");
        String op = ctx.formParam("op");
        int done = 0;
        for (String id : ids) {
            switch (op == null ? "" : op) {
                case "delete" -> services.entries().delete(c.projectId(), c.id(), id, null, s.tokenId());
                case "publish", "unpublish" -> services.entries().update(c.projectId(), c.id(), id,
                        MAPPER.createObjectNode().put("draft", op.equals("unpublish")), null, s.tokenId(), RichTextFormat.JSON);
                default -> throw new VellumException.BadRequest("invalid_op", "Choose publish, unpublish or delete");
            }
            done++;
        }
        String what = switch (op) {
            case "delete" -> "deleted";
            case "publish" -> "published";
            default -> "unpublished";
        };
        ctx.redirect(Links.entries(c.projectId(), c.id()) + "?done=" + Links.query(done + " entries " + what + "."), HttpStatus.SEE_OTHER);
    }

    /** Reference pickers: up to 10 entries whose slug (or slug source) contains the typed text, as JSON. */
    private void lookup(Context ctx, Session s) {
        CollectionSchema c = collection(ctx, s, Scope.READ);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String quoted = "\"" + q.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String filter = q.isEmpty() ? null : "slug ~ " + quoted + (c.slugFrom() == null ? "" : " or " + c.slugFrom() + " ~ " + quoted);
        ObjectNode page = services.entries().list(c.projectId(), c.id(), new ListParams("10", null, null,
                c.slugFrom() == null ? "slug" : c.slugFrom(), null, filter), Access.seesDrafts(s.principal()), RichTextFormat.JSON);
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode e : page.get("data")) {
            String label = c.slugFrom() == null ? e.path("slug").asText() : e.path("fields").path(c.slugFrom()).asText(e.path("slug").asText());
            out.addObject().put("id", e.get("id").asText()).put("label", label);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(out.toString());
    }
}
