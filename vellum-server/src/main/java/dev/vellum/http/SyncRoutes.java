package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;
import dev.vellum.sync.Connection;
import dev.vellum.sync.ConnectionService;
import dev.vellum.sync.SyncJson;
import dev.vellum.sync.SyncRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * /v1/projects/{p}/connections: two-way Directus sync (admin scope): connections, what Directus has,
 * runs and their reports, conflicts and their resolution; and POST /sync-hooks/{id}/{key}, which a
 * Directus Flow calls to trigger a sync (the key in the URL is the credential).
 */
final class SyncRoutes {
    private SyncRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/connections";
        ConnectionService sync = s.sync();
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ConnectionService.Created created = sync.create(p, Json.body(ctx, s.config().maxBodyBytes()));
            ctx.header("Location", "/v1/projects/" + p + "/connections/" + created.connection().id());
            ObjectNode out = json(ctx, s, created.connection());
            created.skippedFields().forEach(out.putArray("skipped_fields")::add);
            Json.write(ctx, 201, out);
        });
        routes.get(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            sync.list(p).forEach(c -> data.add(json(ctx, s, c)));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> Json.write(ctx, 200, json(ctx, s, sync.get(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id")))));
        routes.patch(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            Json.write(ctx, 200, json(ctx, s, sync.update(p, ctx.pathParam("id"), Json.body(ctx, s.config().maxBodyBytes()))));
        });
        routes.delete(base + "/{id}", ctx -> {
            sync.delete(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(base + "/{id}/remote", ctx -> Json.write(ctx, 200, sync.remote(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"))));
        routes.post(base + "/{id}/sync", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            boolean wait = "true".equals(ctx.queryParam("wait"));
            SyncRun run = sync.sync(p, ctx.pathParam("id"), Json.body(ctx, s.config().maxBodyBytes()), wait, "api");
            ctx.header("Location", "/v1/projects/" + p + "/connections/" + ctx.pathParam("id") + "/runs/" + run.id());
            Json.write(ctx, List.of("queued", "running").contains(run.status()) ? 202 : 200, run.toJson());
        });
        routes.get(base + "/{id}/runs", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            sync.runs(p, ctx.pathParam("id"), Calls.limit(ctx, 20)).forEach(r -> data.add(r.toJson()));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}/runs/{run}", ctx -> Json.write(ctx, 200,
                sync.run(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"), ctx.pathParam("run")).toJson()));
        routes.get(base + "/{id}/conflicts", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            sync.conflicts(p, ctx.pathParam("id"), ctx.queryParam("status")).forEach(c -> data.add(SyncJson.conflict(c)));
            Json.write(ctx, 200, out);
        });
        routes.post(base + "/{id}/conflicts/{cid}/resolve", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            Json.write(ctx, 200, SyncJson.conflict(sync.resolve(p, ctx.pathParam("id"), ctx.pathParam("cid"), Json.body(ctx, s.config().maxBodyBytes()))));
        });
        routes.post("/sync-hooks/{id}/{key}", ctx -> {
            Connection c = sync.byHook(ctx.pathParam("id"), ctx.pathParam("key"))
                    .orElseThrow(() -> new VellumException.NotFound("hook_not_found", "No such sync hook"));
            String direction = ctx.queryParam("direction") == null ? "pull" : ctx.queryParam("direction");
            ObjectNode body = Json.MAPPER.createObjectNode().put("direction", direction);
            try {
                SyncRun run = sync.sync(c.projectId(), c.id(), body, false, "hook");
                Json.write(ctx, 202, Json.MAPPER.createObjectNode().put("run_id", run.id()).put("status", run.status()));
            } catch (VellumException.Conflict running) {
                Json.write(ctx, 202, Json.MAPPER.createObjectNode().put("status", "already_running"));
            }
        });
    }

    private static ObjectNode json(Context ctx, Services s, Connection c) {
        String base = s.config().publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return SyncJson.connection(c, base + "/sync-hooks/" + c.id() + "/" + s.sync().hookKey(c));
    }
}
