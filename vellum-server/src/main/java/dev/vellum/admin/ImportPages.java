package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.importers.ImportJobs;
import dev.vellum.importers.ImportLog;
import dev.vellum.importers.ImportRequest;
import dev.vellum.jobs.Job;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Imports: start a WordPress import from a live site, or import a file uploaded in the browser (WXR, Markdown zip,
 * CSV, JSON); follow it live (status, progress, counts), read its per-item log, cancel it. Imports are jobs (they
 * resume when a node dies). Admin scope, like the API.
 */
final class ImportPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Services services;

    ImportPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/imports";
        routes.get(base, admin.page((ctx, s) -> list(ctx, s, 200, null)));
        routes.post(base, admin.action(this::start));
        routes.post(base + "/file", admin.action(this::startFromFile));
        routes.get(base + "/{id}", admin.page(this::detail));
        routes.get(base + "/{id}/status", admin.page(this::status));
        routes.post(base + "/{id}/cancel", admin.action((ctx, s) -> {
            services.jobs().cancel(project(ctx, s), job(ctx, s).id());
            ctx.redirect("/admin/p/" + ctx.pathParam("p") + "/imports/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
        }));
    }

    private static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    private Job job(Context ctx, Session s) {
        Job job = services.jobs().require(project(ctx, s), ctx.pathParam("id"));
        if (!job.kind().equals(ImportJobs.KIND)) throw new VellumException.NotFound("import_not_found", "No import '" + job.id() + "'");
        return job;
    }

    private void start(Context ctx, Session s) {
        String p = project(ctx, s);
        ObjectNode body = MAPPER.createObjectNode().put("kind", "wordpress");
        ObjectNode source = body.putObject("source").put("url", ctx.formParam("url") == null ? "" : ctx.formParam("url").strip());
        String user = Forms.blankToNull(ctx.formParam("user"));
        String password = Forms.blankToNull(ctx.formParam("app_password"));
        if (user != null) source.put("user", user);
        if (password != null) source.put("app_password", password);
        body.putObject("options").put("media", Forms.checked(ctx.formParam("media")));
        try {
            ImportRequest request = ImportRequest.parse(body, false);
            services.importers().check(p, request);
            Job job = services.jobs().submit(p, ImportJobs.KIND, request.params(), request.secrets());
            ctx.redirect("/admin/p/" + p + "/imports/" + job.id(), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.BadRequest | VellumException.Forbidden e) {
            list(ctx, s, e.status(), Forms.message(e));
        }
    }

    /** An import from an uploaded file: the file is stored as an asset, then a job imports it (WXR, Markdown zip, CSV, JSON). */
    private void startFromFile(Context ctx, Session s) {
        String p = project(ctx, s);
        String kind = ctx.formParam("kind");
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            list(ctx, s, 422, "Choose the file to import.");
            return;
        }
        ObjectNode options = MAPPER.createObjectNode();
        String collection = Forms.blankToNull(ctx.formParam("collection"));
        if (collection != null) options.put("collection", collection);
        String key = Forms.blankToNull(ctx.formParam("key"));
        if (key != null && "csv".equals(kind)) options.put("key", key);
        if ("wordpress".equals(kind)) options.put("media", Forms.checked(ctx.formParam("media")));
        try {
            ObjectNode body = MAPPER.createObjectNode().put("kind", kind);
            body.putObject("source").put("asset", "pending");
            body.set("options", options);
            ImportRequest.parse(body, false); // the form's mistakes before the file is stored
            StoredAsset stored;
            try (InputStream in = file.content()) {
                stored = services.assets().uploadImportSource(p, in, new AssetUpload(file.filename(), file.contentType(), null, null));
            }
            ((ObjectNode) body.get("source")).put("asset", stored.asset().id());
            ImportRequest request = ImportRequest.parse(body, false);
            services.importers().check(p, request);
            Job job = services.jobs().submit(p, ImportJobs.KIND, request.params(), request.secrets());
            ctx.redirect("/admin/p/" + p + "/imports/" + job.id(), HttpStatus.SEE_OTHER);
        } catch (VellumException e) {
            list(ctx, s, e.status(), Forms.message(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void list(Context ctx, Session s, int status, String error) {
        String p = project(ctx, s);
        Html h = new Html();
        Layout.notice(h, "error", error);
        h.el("h2", "Import from a WordPress site");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/imports", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("Site URL", "imp-url", "The site's address; its REST API (/wp-json/wp/v2) is read page by page.", null,
                "name", "url", "type", "url", "required", "", "value", ctx.formParam("url"));
        h.field("User", "imp-user", "Optional: with an application password, drafts and private content come too.", null,
                "name", "user", "autocomplete", "off", "value", ctx.formParam("user"));
        h.field("Application password", "imp-password", null, null, "name", "app_password", "type", "password", "autocomplete", "off");
        h.open("div", "class", "checks").open("label", "for", "imp-media")
                .open("input", "type", "checkbox", "id", "imp-media", "name", "media", "checked", "")
                .text("Download images and re-host them as assets").close("label").close("div");
        h.button("Start import", "type", "submit", "class", "primary").close("form");
        fileForm(h, s, p, ctx);
        List<Job> jobs = services.jobs().list(p, ImportJobs.KIND, 50);
        h.el("h2", "Imports");
        if (jobs.isEmpty()) h.el("p", "No imports yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Started", "Source", "Status", "Created", "Updated", "Failed")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (Job j : jobs) {
                JsonNode counts = services.importers().counts(j.id());
                h.open("tr").open("td").el("a", Times.utc(j.createdAt().toString()), "href", "/admin/p/" + p + "/imports/" + j.id()).close("td")
                        .el("td", source(j)).el("td", j.status().wire())
                        .el("td", counts.path("created").asLong(), "class", "num").el("td", counts.path("updated").asLong(), "class", "num")
                        .el("td", counts.path("failed").asLong(), "class", "num").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        Layout.write(ctx, status, "Imports", s, Links.crumbs(s, p, new Layout.Crumb("Imports", null)), h);
    }

    private void fileForm(Html h, Session s, String p, Context ctx) {
        h.el("h2", "Import a file");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/imports/file", "enctype", "multipart/form-data", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        String kind = ctx.formParam("kind");
        h.open("div", "class", "field").el("label", "What it is", "for", "file-kind").open("select", "id", "file-kind", "name", "kind");
        for (String[] k : new String[][] {{"wordpress", "WordPress export (WXR, .xml)"}, {"markdown", "Markdown folder (.zip of the folder)"},
                {"csv", "CSV (.csv)"}, {"json", "JSON or NDJSON (.json)"}}) {
            h.el("option", k[1], "value", k[0], "selected", k[0].equals(kind) ? "" : null);
        }
        h.close("select").close("div");
        h.field("File", "file-file", "Stored in the asset library, then imported by a job you can follow here.", null,
                "type", "file", "name", "file", "required", "", "accept", ".xml,.zip,.csv,.json,.ndjson,.jsonl");
        h.open("datalist", "id", "file-collections");
        for (var c : services.collections().list(p)) h.el("option", c.name(), "value", c.id());
        h.close("datalist");
        h.field("Collection", "file-collection", "Where CSV and JSON rows go (required for them); Markdown defaults to posts; "
                + "a WordPress export makes its own collections.", null, "name", "collection", "list", "file-collections",
                "value", ctx.formParam("collection"));
        h.field("Key column (CSV)", "file-key", "The column that identifies a row across runs (default id, else the row number).", null,
                "name", "key", "value", ctx.formParam("key"));
        h.open("div", "class", "checks").open("label", "for", "file-media")
                .open("input", "type", "checkbox", "id", "file-media", "name", "media", "checked", "")
                .text("WordPress: download images and re-host them as assets").close("label").close("div");
        h.button("Upload and import", "type", "submit", "class", "primary").close("form");
    }

    private static String source(Job j) {
        JsonNode src = j.params().path("source");
        return j.params().path("kind").asText() + " " + (src.has("url") ? src.get("url").asText() : src.path("asset").asText(""));
    }

    /** Live progress for the page's script: status, progress and counts as JSON. */
    private void status(Context ctx, Session s) {
        Job j = job(ctx, s);
        ObjectNode out = MAPPER.createObjectNode().put("status", j.status().wire()).put("final", j.status().isFinal());
        out.put("text", progressText(j));
        out.set("counts", services.importers().counts(j.id()));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(out.toString());
    }

    private void detail(Context ctx, Session s) {
        String p = project(ctx, s);
        Job j = job(ctx, s);
        JsonNode counts = services.importers().counts(j.id());
        Html h = new Html();
        h.el("p", source(j), "class", "mono");
        h.open("div", "class", "card", "data-poll", j.status().isFinal() ? null : "/admin/p/" + p + "/imports/" + j.id() + "/status");
        h.open("p").text("Status: ").el("strong", j.status().wire(), "data-poll-status", "").close("p");
        h.el("p", progressText(j), "data-poll-text", "", "role", "status", "aria-live", "polite");
        h.open("dl", "class", "counts");
        for (String k : List.of("created", "updated", "unchanged", "skipped", "failed")) {
            h.el("dt", k).el("dd", counts.path(k).asLong(), "data-count", k);
        }
        h.close("dl");
        if (j.error() != null) Layout.notice(h, "error", j.error());
        h.close("div");
        if (!j.status().isFinal()) {
            h.open("form", "method", "post", "action", "/admin/p/" + p + "/imports/" + j.id() + "/cancel")
                    .hidden(SessionCookies.CSRF_FIELD, s.csrf()).button("Cancel the import", "type", "submit", "class", "danger").close("form");
        }
        List<ImportLog.Row> rows = services.importers().log(j.id(), 0, 200, null);
        h.el("h2", "Items");
        if (rows.isEmpty()) h.el("p", "No items yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Source id", "Collection", "Action", "Entry", "Error")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (ImportLog.Row r : rows) {
                h.open("tr").el("td", r.sourceId(), "class", "mono").el("td", r.collectionId()).el("td", r.action().wire()).open("td");
                if (r.entryId() != null && r.collectionId() != null) h.el("a", r.entryId(), "href", Links.entry(p, r.collectionId(), r.entryId()), "class", "mono");
                h.close("td").el("td", r.error()).close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        Layout.write(ctx, 200, "Import", s, Links.crumbs(s, p, new Layout.Crumb("Imports", "/admin/p/" + p + "/imports"),
                new Layout.Crumb("Import", null)), h);
    }

    /** The job's progress JSON as one readable line, e.g. "content: 12 of 40 · media: 3 of 9". */
    private static String progressText(Job j) {
        JsonNode progress = j.progress();
        if (progress == null || progress.isNull() || progress.isEmpty()) return j.status().isFinal() ? "Finished." : "Waiting to start…";
        StringBuilder b = new StringBuilder();
        JsonNode phases = progress.has("phases") ? progress.get("phases") : progress;
        phases.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String part = v.isObject() ? v.path("done").asText("?") + (v.has("total") ? " of " + v.get("total").asText() : "") : v.asText();
            b.append(b.isEmpty() ? "" : " · ").append(e.getKey()).append(": ").append(part);
        });
        return b.toString();
    }
}
