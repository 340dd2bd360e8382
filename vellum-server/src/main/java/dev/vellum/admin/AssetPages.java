package dev.vellum.admin;

import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetPage;
import dev.vellum.assets.AssetQuery;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The asset library: upload with a preview, browse by type or name, copy an asset's URL. Write scope. */
final class AssetPages {
    private final Services services;

    AssetPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        routes.get("/admin/p/{p}/assets", admin.page((ctx, s) -> library(ctx, s, 200, null)));
        routes.post("/admin/p/{p}/assets", admin.action(this::upload));
    }

    private static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.WRITE);
        return p;
    }

    /** Stores one uploaded file as an asset (identical files are stored once). */
    static StoredAsset store(AssetService assets, String projectId, UploadedFile file, String alt) {
        try (InputStream in = file.content()) {
            return assets.upload(projectId, in, new AssetUpload(file.filename(), file.contentType(), alt, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest image assets, as (URL, label) pairs for the rich-text editor's picker. */
    static List<String[]> recentImages(AssetService assets, String projectId) {
        return assets.list(projectId, new AssetQuery("image", null, 30, null)).data().stream()
                .map(a -> new String[] {assets.url(a), a.filename() == null ? a.id() : a.filename()}).toList();
    }

    private void upload(Context ctx, Session s) {
        String p = project(ctx, s);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            library(ctx, s, 422, "Choose a file to upload.");
            return;
        }
        try {
            StoredAsset stored = store(services.assets(), p, file, Forms.blankToNull(ctx.formParam("alt")));
            String done = stored.created() ? "Uploaded " + file.filename() + "." : file.filename() + " was already in the library.";
            ctx.redirect("/admin/p/" + p + "/assets?done=" + Links.query(done), HttpStatus.SEE_OTHER);
        } catch (VellumException e) {
            library(ctx, s, e.status(), Forms.message(e));
        }
    }

    private void library(Context ctx, Session s, int status, String error) {
        String p = project(ctx, s);
        AssetService assets = services.assets();
        String type = Forms.blankToNull(ctx.queryParam("type"));
        String name = Forms.blankToNull(ctx.queryParam("q"));
        AssetPage page = assets.list(p, new AssetQuery(type, name, 48, Forms.blankToNull(ctx.queryParam("cursor"))));
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        Layout.notice(h, "error", error);
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/assets", "enctype", "multipart/form-data", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("File", "asset-file", "Images get a preview before upload. Identical files are stored once.", null,
                "type", "file", "name", "file", "required", "", "data-preview", "asset-file-preview");
        h.open("div", "class", "preview", "id", "asset-file-preview").close("div");
        h.field("Alternative text (images)", "asset-alt", null, null, "name", "alt");
        h.button("Upload", "type", "submit", "class", "primary").close("form");
        h.open("form", "method", "get", "class", "filter", "role", "search")
                .field("Name contains", "asset-q", null, null, "name", "q", "value", name)
                .open("div", "class", "field").el("label", "Type", "for", "asset-type").open("select", "id", "asset-type", "name", "type")
                .el("option", "all", "value", "").el("option", "images", "value", "image", "selected", "image".equals(type) ? "" : null)
                .el("option", "PDF", "value", "application/pdf", "selected", "application/pdf".equals(type) ? "" : null)
                .close("select").close("div").button("Show", "type", "submit").close("form");
        if (page.data().isEmpty()) h.el("p", "No assets" + (name == null && type == null ? " yet." : " match."));
        h.open("ul", "class", "assets");
        for (Asset a : page.data()) {
            String url = assets.url(a);
            h.open("li", "class", "card asset");
            if (a.isImage()) h.open("img", "src", url + "?w=240", "alt", a.alt() == null ? "" : a.alt(), "loading", "lazy", "width", "240");
            h.el("p", a.filename() == null ? a.id() : a.filename(), "class", "name")
                    .el("p", a.contentType() + " · " + size(a.size()) + (a.width() == null ? "" : " · " + a.width() + "×" + a.height()), "class", "muted")
                    .open("label", "for", "url-" + a.id(), "class", "muted").text("URL").close("label")
                    .open("input", "id", "url-" + a.id(), "class", "mono", "readonly", "", "value", url, "data-select", "")
                    .close("li");
        }
        h.close("ul");
        if (page.nextCursor() != null) {
            h.open("nav", "class", "pager", "aria-label", "Pages").el("a", "More", "href", "/admin/p/" + p + "/assets?cursor="
                    + Links.query(page.nextCursor()) + (type == null ? "" : "&type=" + Links.query(type)) + (name == null ? "" : "&q=" + Links.query(name)))
                    .close("nav");
        }
        Layout.write(ctx, status, "Assets", s, Links.crumbs(s, p, new Layout.Crumb("Assets", null)), h);
    }

    private static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return (bytes / 1024) + " KB";
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
