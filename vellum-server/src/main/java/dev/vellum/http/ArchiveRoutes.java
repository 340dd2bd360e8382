package dev.vellum.http;

import dev.vellum.auth.Scope;
import dev.vellum.importers.archive.ProjectArchive;
import io.javalin.config.RoutesConfig;

/** GET /v1/projects/{p}/export (the whole project as one zip, streamed) and POST …/restore (into an empty project); admin scope. */
final class ArchiveRoutes {
    private ArchiveRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        ProjectArchive archive = s.importers().archive();
        routes.get("/v1/projects/{p}/export", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            s.projects().get(project); // 404 before the response starts
            ctx.status(200).contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + project + ".vellum.zip\"");
            archive.export(project, ctx.outputStream());
        });
        routes.post("/v1/projects/{p}/restore", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            ProjectArchive.Summary summary = archive.restore(project, ctx.bodyInputStream());
            Json.write(ctx, 200, summary.json());
        });
    }
}
