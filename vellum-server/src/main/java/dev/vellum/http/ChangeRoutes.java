package dev.vellum.http;

import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.changes.ChangeLog;
import dev.vellum.error.VellumException;
import io.javalin.config.RoutesConfig;

/** /v1/projects/{p}/changes?since=SEQ: the project's change log, in order. */
final class ChangeRoutes {
    private ChangeRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        routes.get("/v1/projects/{p}/changes", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            long since = number(ctx.queryParam("since"), 0, "since");
            int limit = (int) number(ctx.queryParam("limit"), 100, "limit");
            if (limit < 1 || limit > ChangeLog.MAX_PAGE) {
                throw new VellumException.BadRequest("invalid_query", "limit must be from 1 to " + ChangeLog.MAX_PAGE);
            }
            boolean drafts = Access.seesDrafts(Calls.principal(ctx));
            Json.write(ctx, 200, s.changes().sinceJson(p, since, limit, drafts));
        });
    }

    private static long number(String s, long fallback, String name) {
        if (s == null || s.isEmpty()) return fallback;
        try {
            long v = Long.parseLong(s);
            if (v >= 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new VellumException.BadRequest("invalid_query", name + " must be a whole number ≥ 0");
    }
}
