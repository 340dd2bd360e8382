package dev.vellum.admin;

import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.changes.Change;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.projects.Project;
import dev.vellum.query.ListParams;
import dev.vellum.content.RichTextFormat;
import dev.vellum.schema.CollectionSchema;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The instance admin's projects (an agency's clients side by side) and one project's start page. */
final class ProjectPages {
    private final Services services;

    ProjectPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        routes.get("/admin/projects", admin.page(this::list));
        routes.post("/admin/projects", admin.action(this::create));
        routes.get("/admin/p/{p}", admin.page(this::project));
    }

    private void list(Context ctx, Session s) {
        Access.requireInstanceAdmin(s.principal());
        list(ctx, s, 200, null, null);
    }

    private void list(Context ctx, Session s, int status, String error, String typedId) {
        Html h = new Html();
        Layout.notice(h, "error", error);
        List<Project> projects = services.projects().list();
        if (projects.isEmpty()) h.el("p", "No projects yet. Create the first one below.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Project", "Collections", "Entries", "Last change")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (Project p : projects) {
                List<CollectionSchema> collections = services.collections().list(p.id());
                long entries = 0;
                for (CollectionSchema c : collections) entries += count(p.id(), c.id());
                h.open("tr").open("td").el("a", p.name().equals(p.id()) ? p.id() : p.name() + " (" + p.id() + ")", "href", "/admin/p/" + p.id())
                        .close("td").el("td", collections.size(), "class", "num").el("td", entries, "class", "num")
                        .el("td", lastChange(p.id())).close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        h.el("h2", "New project");
        h.open("form", "method", "post", "action", "/admin/projects", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("Id", "project-id", "Lowercase letters, digits, - and _; used in URLs, cannot change.", null,
                "name", "id", "required", "", "pattern", "[a-z0-9][a-z0-9_\\-]{0,63}", "value", typedId);
        h.field("Name", "project-name", null, null, "name", "name");
        h.button("Create project", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "Projects", s, List.of(), h);
    }

    private void create(Context ctx, Session s) {
        Access.requireInstanceAdmin(s.principal());
        String id = ctx.formParam("id");
        try {
            String name = ctx.formParam("name");
            Project p = services.projects().create(id, name == null || name.isBlank() ? null : name);
            ctx.redirect("/admin/p/" + p.id(), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            list(ctx, s, e.status(), Forms.message(e), id);
        }
    }

    private void project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.READ);
        Project project = services.projects().get(p);
        boolean admin = Scopes.has(s, p, Scope.ADMIN);
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        List<CollectionSchema> collections = services.collections().list(p);
        h.el("h2", "Collections");
        if (collections.isEmpty()) h.el("p", "No collections yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Collection", "Id", "Fields", "Entries", "")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (CollectionSchema c : collections) {
                h.open("tr").open("td").el("a", c.name(), "href", Links.entries(p, c.id())).close("td")
                        .open("td").el("code", c.id()).close("td")
                        .el("td", c.fields().size(), "class", "num").el("td", count(p, c.id()), "class", "num").open("td");
                if (admin) h.el("a", "Schema", "href", Links.schema(p, c.id()));
                h.close("td").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        h.open("ul", "class", "actions");
        if (Scopes.has(s, p, Scope.WRITE)) h.open("li").el("a", "Assets", "href", "/admin/p/" + p + "/assets", "class", "button").close("li");
        if (admin) {
            h.open("li").el("a", "New collection", "href", "/admin/p/" + p + "/collections/new", "class", "button").close("li");
            h.open("li").el("a", "Tokens", "href", "/admin/p/" + p + "/tokens", "class", "button").close("li");
            h.open("li").el("a", "Webhooks", "href", "/admin/p/" + p + "/webhooks", "class", "button").close("li");
            h.open("li").el("a", "Inbound hooks", "href", "/admin/p/" + p + "/hooks", "class", "button").close("li");
            h.open("li").el("a", "Publish", "href", "/admin/p/" + p + "/publish", "class", "button").close("li");
            h.open("li").el("a", "Imports", "href", "/admin/p/" + p + "/imports", "class", "button").close("li");
            h.open("li").el("a", "Directus connections", "href", "/admin/p/" + p + "/connections", "class", "button").close("li");
        }
        h.close("ul");
        h.el("p", "Last change: " + lastChange(p), "class", "muted");
        Layout.write(ctx, 200, project.name(), s, Links.crumbs(s, p), h);
    }

    private long count(String projectId, String collectionId) {
        var out = services.entries().list(projectId, collectionId, new ListParams("1", null, null, "slug", "true", null), true,
                RichTextFormat.JSON);
        return out.path("total").asLong();
    }

    private String lastChange(String projectId) {
        long latest = services.changes().latest(projectId);
        if (latest == 0) return "never";
        List<Change> last = services.changes().since(projectId, latest - 1, 1, true);
        if (last.isEmpty()) return "never";
        Change c = last.get(0);
        return c.at().replace('T', ' ').replace(".000Z", "Z") + " · " + c.kind() + (c.collection() == null ? "" : " in " + c.collection());
    }
}
