package dev.vellum.http;

import dev.vellum.auth.Access;
import dev.vellum.auth.Principal;
import dev.vellum.auth.Scope;
import io.javalin.http.Context;

/** What handlers ask of a request: its project, checked against the caller's scope. */
final class Calls {
    private Calls() {}

    /** The {p} path parameter, after checking the caller may act on it with {@code scope}. */
    static String project(Context ctx, Scope scope) {
        String projectId = ctx.pathParam("p");
        Access.require(Authentication.principal(ctx), projectId, scope);
        return projectId;
    }

    /** The {@code limit} query parameter, or {@code fallback} when absent; 400 when not a whole number. */
    static int limit(Context ctx, int fallback) {
        String s = ctx.queryParam("limit");
        if (s == null || s.isEmpty()) return fallback;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new dev.vellum.error.VellumException.BadRequest("invalid_query", "limit must be a whole number");
        }
    }

    static Principal principal(Context ctx) {
        return Authentication.principal(ctx);
    }
}
