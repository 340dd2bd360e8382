package dev.vellum.admin;

import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.ratelimit.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Sign in with a token, sign out, and /admin itself (which sends each person to their start page). */
final class SignInPages {
    private final Services services;
    private final SessionCookies sessions;

    SignInPages(Services services, SessionCookies sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        routes.get("/admin", admin.page((ctx, s) ->
                ctx.redirect(s.instanceAdmin() ? "/admin/projects" : "/admin/p/" + s.ownProject(), HttpStatus.SEE_OTHER)));
        routes.get("/admin/sign-in", ctx -> form(ctx, 200, null));
        routes.post("/admin/sign-in", this::signIn);
        routes.post("/admin/sign-out", admin.action((ctx, s) -> {
            sessions.signOut(ctx);
            ctx.redirect("/admin/sign-in", HttpStatus.SEE_OTHER);
        }));
    }

    private void signIn(Context ctx) {
        if (!SessionCookies.matches(ctx.cookie(SessionCookies.PRE_COOKIE), ctx.formParam(SessionCookies.CSRF_FIELD))) {
            form(ctx, 403, "The sign-in form expired. Please try again.");
            return;
        }
        String token = ctx.formParam("token");
        if (token == null || token.isBlank()) {
            form(ctx, 422, "Enter your token.");
            return;
        }
        try {
            sessions.signIn(ctx, token);
        } catch (VellumException.Unauthenticated e) {
            // a wrong guess costs the guesser's address its allowance, as on the API
            RateLimits.Decision d = services.rateLimits().consume("ip:" + ctx.ip(), services.config().rateLimits().anonymous());
            form(ctx, d.allowed() ? 401 : 429, d.allowed() ? "That token is not valid (unknown, revoked or expired)."
                    : "Too many failed attempts. Wait a minute and try again.");
            return;
        }
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, int status, String error) {
        Html h = new Html();
        Layout.notice(h, "error", error);
        h.open("form", "method", "post", "action", "/admin/sign-in", "class", "card narrow");
        h.hidden(SessionCookies.CSRF_FIELD, sessions.preToken(ctx));
        h.field("Token", "token", "The instance admin token printed at first start, or a project token.", null,
                "type", "password", "name", "token", "required", "", "autocomplete", "current-password", "autofocus", "");
        h.button("Sign in", "type", "submit", "class", "primary");
        h.close("form");
        Layout.write(ctx, status, "Sign in", null, List.of(), h);
    }
}
