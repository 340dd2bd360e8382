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

    static Principal principal(Context ctx) {
        return Authentication.principal(ctx);
    }
}
