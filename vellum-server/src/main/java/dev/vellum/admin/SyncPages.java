package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.jobs.Job;
import dev.vellum.sync.Connection;
import dev.vellum.sync.FieldMap;
import dev.vellum.sync.SyncRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * A Directus connection's sync screen: what is mapped, Sync from Directus / Sync to Directus (with the
 * always-overwrite checkbox and a dry run), each run followed live with its counts and then its report
 * (skipped items and errors by id), and the history of runs. Conflicts have their own screen
 * ({@link ConflictPages}). Admin scope, like the API.
 */
final class SyncPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The job kind of a sync run (dev.vellum.sync's SyncJobHandler): its progress is the report so far. */
    private static final String RUN_JOB = "sync.run";
    private static final List<String> COUNTS = List.of("created", "updated", "unchanged", "merged", "deleted", "skipped", "conflicts", "errors");

    private final Services services;

    SyncPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/connections/{id}";
        routes.get(base, admin.page((ctx, s) -> detail(ctx, s, 200, null)));
        routes.post(base + "/sync", admin.action(this::sync));
        routes.get(base + "/runs/{run}", admin.page(this::run));
        routes.get(base + "/runs/{run}/status", admin.page(this::status));
    }

    private Connection connection(Context ctx, Session s) {
        return services.sync().get(ConnectionPages.project(ctx, s), ctx.pathParam("id"));
    }

    static String title(Connection c) {
        return c.collection() + " \u2194 " + c.remoteCollection();
    }

    static List<Layout.Crumb> crumbs(Session s, Connection c, Layout.Crumb... more) {
        String p = c.projectId();
        List<Layout.Crumb> out = new java.util.ArrayList<>(Links.crumbs(s, p, new Layout.Crumb("Directus connections", ConnectionPages.list(p)),
                new Layout.Crumb(title(c), ConnectionPages.connection(p, c.id()))));
        if (more.length == 0) out.set(out.size() - 1, new Layout.Crumb(title(c), null));
        out.addAll(List.of(more));
        return out;
    }

    private void detail(Context ctx, Session s, int status, String error) {
        Connection c = connection(ctx, s);
        String p = c.projectId();
        String here = ConnectionPages.connection(p, c.id());
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        Layout.notice(h, "error", error);
        int open = services.sync().conflicts(p, c.id(), "open").size();
        if (open > 0) {
            h.open("p", "class", "notice warn").text(open + (open == 1 ? " item was" : " items were") + " changed on both sides. ")
                    .el("a", "Resolve the conflicts", "href", here + "/conflicts").close("p");
        }
        h.open("dl", "class", "summary");
        h.el("dt", "Vellum collection").open("dd").el("a", c.collection(), "href", Links.entries(p, c.collection())).close("dd");
        h.el("dt", "Directus").el("dd", c.url() + " \u00b7 " + c.remoteCollection(), "class", "mono");
        h.el("dt", "Slug field").el("dd", c.slugField() == null ? "(none: Vellum makes slugs)" : c.slugField());
        h.el("dt", "ID field").el("dd", c.idField());
        h.el("dt", "Conflicts").el("dd", (c.options().itemConflicts() ? "any change on both sides" : "the same field changed on both sides")
                + (c.options().alwaysOverwrite() ? "; always overwritten by the side a sync reads from" : "; listed to resolve"));
        h.el("dt", "Automatic").el("dd", (c.options().scheduleMinutes() == null ? "no schedule" : "both ways every "
                + c.options().scheduleMinutes() + " min") + (c.options().live() ? "; live (Directus events)" : "")
                + (c.options().deletes() ? "; deletions propagated" : "; deletions not propagated"));
        h.close("dl");
        h.open("p").el("label", "Trigger URL (for a Directus Flow: POST it on item changes to start a pull)", "for", "sync-hook").close("p")
                .open("input", "id", "sync-hook", "class", "mono", "readonly", "", "data-select", "", "value",
                        Links.publicBase(services.config(), ctx) + "/sync-hooks/" + c.id() + "/" + services.sync().hookKey(c));
        h.el("h2", "Fields");
        h.open("ul", "class", "mapped");
        for (FieldMap m : c.mapping()) {
            h.open("li").el("code", m.field()).text(m.ignore() || m.remote() == null ? " \u2014 ignored"
                    : " \u2194 " + m.remote() + (m.format() == null ? "" : " (" + m.format() + ")")).close("li");
        }
        h.close("ul");
        h.open("form", "method", "post", "action", here + "/sync", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.open("div", "class", "checks").open("label", "for", "sync-overwrite")
                .open("input", "type", "checkbox", "id", "sync-overwrite", "name", "always_overwrite", "checked",
                        c.options().alwaysOverwrite() ? "" : null)
                .text("Always overwrite (skip the conflict screen)").close("label")
                .open("label", "for", "sync-dry").open("input", "type", "checkbox", "id", "sync-dry", "name", "dry_run")
                .text("Dry run: only report what would change").close("label").close("div");
        h.hidden("overwrite_shown", "true");
        h.open("ul", "class", "actions");
        h.open("li").button("Sync from Directus", "type", "submit", "name", "direction", "value", "pull", "class", "primary").close("li");
        h.open("li").button("Sync to Directus", "type", "submit", "name", "direction", "value", "push", "class", "primary").close("li");
        h.close("ul").close("form");
        h.open("ul", "class", "actions");
        h.open("li").el("a", "Reconfigure", "href", here + "/configure", "class", "button").close("li");
        h.open("li").open("form", "method", "post", "action", here + "/delete", "class", "inline", "data-confirm",
                        "Delete this connection? Entries and Directus items stay; what sync remembers is forgotten.")
                .hidden(SessionCookies.CSRF_FIELD, s.csrf()).button("Delete connection", "type", "submit", "class", "danger").close("form").close("li");
        h.close("ul");
        runs(h, c);
        Layout.write(ctx, status, title(c), s, crumbs(s, c), h);
    }

    private void runs(Html h, Connection c) {
        List<SyncRun> runs = services.sync().runs(c.projectId(), c.id(), 20);
        h.el("h2", "Runs");
        if (runs.isEmpty()) {
            h.el("p", "No runs yet.");
            return;
        }
        h.open("div", "class", "scroll").open("table").open("thead").open("tr");
        h.el("th", "Started", "scope", "col").el("th", "Direction", "scope", "col").el("th", "Status", "scope", "col");
        for (String k : COUNTS) h.el("th", k, "scope", "col", "class", "num");
        h.close("tr").close("thead").open("tbody");
        for (SyncRun r : runs) {
            ObjectNode counts = counts(r.report());
            h.open("tr").open("td").el("a", Times.utc(r.startedAt()), "href", ConnectionPages.connection(c.projectId(), c.id()) + "/runs/" + r.id())
                    .close("td").el("td", direction(r)).el("td", r.status());
            for (String k : COUNTS) h.el("td", counts.path(k).asInt(), "class", "num");
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    private void sync(Context ctx, Session s) {
        Connection c = connection(ctx, s);
        String p = c.projectId();
        boolean overwrite = Forms.checked(ctx.formParam("always_overwrite"));
        try {
            if ("true".equals(ctx.formParam("overwrite_shown")) && overwrite != c.options().alwaysOverwrite()) {
                services.sync().update(p, c.id(), MAPPER.createObjectNode().put("always_overwrite", overwrite));
            }
            ObjectNode body = MAPPER.createObjectNode().put("direction", ctx.formParam("direction"))
                    .put("dry_run", Forms.checked(ctx.formParam("dry_run")));
            SyncRun run = services.sync().sync(p, c.id(), body, false, "admin");
            ctx.redirect(ConnectionPages.connection(p, c.id()) + "/runs/" + run.id(), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            detail(ctx, s, e.status(), Forms.message(e));
        }
    }

    private void run(Context ctx, Session s) {
        Connection c = connection(ctx, s);
        String p = c.projectId();
        SyncRun r = services.sync().run(p, c.id(), ctx.pathParam("run"));
        boolean running = !isFinal(r);
        ObjectNode counts = counts(running ? progress(p, r) : r.report());
        Html h = new Html();
        h.open("div", "class", "card", "data-poll", running ? ConnectionPages.connection(p, c.id()) + "/runs/" + r.id() + "/status" : null);
        h.open("p").text("Status: ").el("strong", r.status(), "data-poll-status", "").close("p");
        h.el("p", text(r, counts), "data-poll-text", "", "role", "status", "aria-live", "polite");
        h.open("dl", "class", "counts");
        for (String k : COUNTS) h.el("dt", k).el("dd", counts.path(k).asInt(), "data-count", k);
        h.close("dl");
        if (r.error() != null) Layout.notice(h, "error", r.error());
        h.close("div");
        JsonNode report = r.report();
        if (!running && report != null) {
            if (report.path("conflicts").asInt() > 0 && !services.sync().conflicts(p, c.id(), "open").isEmpty()) {
                h.open("p", "class", "notice warn").text("Some items were changed on both sides. ")
                        .el("a", "Resolve the conflicts", "href", ConnectionPages.connection(p, c.id()) + "/conflicts").close("p");
            }
            items(h, "Skipped", report.path("skipped"), "reason");
            items(h, "Errors", report.path("errors"), "message");
        }
        h.open("p").el("a", "Back to the connection", "href", ConnectionPages.connection(p, c.id())).close("p");
        Layout.write(ctx, 200, (r.dryRun() ? "Dry run: " : "") + direction(r), s, crumbs(s, c, new Layout.Crumb("Run", null)), h);
    }

    /** Live progress for the page's script: status, a line of text and the counts so far, as JSON. */
    private void status(Context ctx, Session s) {
        Connection c = connection(ctx, s);
        SyncRun r = services.sync().run(c.projectId(), c.id(), ctx.pathParam("run"));
        ObjectNode counts = counts(isFinal(r) ? r.report() : progress(c.projectId(), r));
        ObjectNode out = MAPPER.createObjectNode().put("status", r.status()).put("final", isFinal(r)).put("text", text(r, counts));
        out.set("counts", counts);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(out.toString());
    }

    private static void items(Html h, String title, JsonNode rows, String why) {
        if (!rows.isArray() || rows.isEmpty()) return;
        h.el("h2", title + " (" + rows.size() + ")");
        h.open("div", "class", "scroll").open("table").open("thead").open("tr");
        for (String col : List.of("Directus id", "Entry", "Slug", why.equals("reason") ? "Reason" : "Message")) h.el("th", col, "scope", "col");
        h.close("tr").close("thead").open("tbody");
        for (JsonNode row : rows) {
            h.open("tr").el("td", row.path("remote_id").asText(""), "class", "mono").el("td", row.path("entry_id").asText(""), "class", "mono")
                    .el("td", row.path("slug").asText("")).el("td", row.path(why).asText("")).close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    /** The report so far of a running run: the progress of its job (the newest sync jobs of the project are searched). */
    private JsonNode progress(String p, SyncRun r) {
        for (Job j : services.jobs().list(p, RUN_JOB, 50)) {
            if (j.params().path("run").asText().equals(r.id())) return j.progress();
        }
        return null;
    }

    private static boolean isFinal(SyncRun r) {
        return !List.of("queued", "running").contains(r.status());
    }

    /** The counts of a report (lists counted), zero where there is no report yet. */
    static ObjectNode counts(JsonNode report) {
        ObjectNode o = MAPPER.createObjectNode();
        for (String k : COUNTS) {
            JsonNode v = report == null ? null : report.get(k);
            o.put(k, v == null ? 0 : v.isArray() ? v.size() : v.asInt());
        }
        return o;
    }

    static String direction(SyncRun r) {
        return switch (r.direction()) {
            case "pull" -> "Sync from Directus";
            case "push" -> "Sync to Directus";
            default -> "Sync both ways";
        };
    }

    /** One line about a run for lists: "Sync from Directus, done: 3 created, 1 updated". */
    static String summary(SyncRun r) {
        ObjectNode n = counts(r.report());
        return direction(r) + ", " + r.status() + " " + Times.utc(r.startedAt()) + ": " + n.path("created").asInt() + " created, "
                + n.path("updated").asInt() + " updated, " + n.path("conflicts").asInt() + " conflicts";
    }

    private static String text(SyncRun r, ObjectNode counts) {
        return switch (r.status()) {
            case "queued" -> "Waiting to start\u2026";
            case "running" -> "Running: " + counts.path("created").asInt() + " created, " + counts.path("updated").asInt() + " updated so far\u2026";
            case "done" -> "Finished" + (r.finishedAt() == null ? "." : " at " + Times.utc(r.finishedAt()) + ".");
            default -> "Ended: " + r.status() + ".";
        };
    }
}
