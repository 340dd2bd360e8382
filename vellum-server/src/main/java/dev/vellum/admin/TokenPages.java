package dev.vellum.admin;

import dev.vellum.auth.Access;
import dev.vellum.auth.IssuedToken;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Token;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** A project's tokens: create (the secret shown once), last use, revoke, rotate (the old secret kept for a chosen grace period). Admin scope. */
final class TokenPages {
    /** The grace periods offered when rotating: seconds and what the list says. */
    private static final String[][] GRACE = {{"0", "old secret stops at once"}, {"3600", "old secret works 1 more hour"},
            {"86400", "old secret works 1 more day"}, {"604800", "old secret works 7 more days"}};

    private final Services services;

    TokenPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/tokens";
        routes.get(base, admin.page((ctx, s) -> show(ctx, s, 200, null, null)));
        routes.post(base, admin.action(this::create));
        routes.post(base + "/{id}/revoke", admin.action(this::revoke));
        routes.post(base + "/{id}/rotate", admin.action(this::rotate));
    }

    private String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    private void create(Context ctx, Session s) {
        String p = project(ctx, s);
        Scope scope = Scope.parse(ctx.formParam("scope")).orElse(Scope.READ);
        try {
            IssuedToken t = services.tokens().issue(p, ctx.formParam("name"), scope, null);
            show(ctx, s, 201, t, null);
        } catch (VellumException.Invalid e) {
            show(ctx, s, 422, null, Forms.message(e));
        }
    }

    private void revoke(Context ctx, Session s) {
        String p = project(ctx, s);
        services.tokens().revoke(p, ctx.pathParam("id"));
        ctx.redirect("/admin/p/" + p + "/tokens?done=revoked", HttpStatus.SEE_OTHER);
    }

    private void rotate(Context ctx, Session s) {
        String p = project(ctx, s);
        try {
            show(ctx, s, 200, services.tokens().rotate(p, ctx.pathParam("id"), grace(ctx.formParam("grace"))), null);
        } catch (VellumException.Conflict | VellumException.Invalid e) {
            show(ctx, s, e.status(), null, Forms.message(e));
        }
    }

    /** The grace period chosen for the previous secret, in seconds (0: it stops at once). */
    private static long grace(String seconds) {
        if (seconds == null || seconds.isBlank()) return 0;
        try {
            return Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            throw new VellumException.Invalid("invalid_token_request", "The grace period is not valid",
                    List.of(new dev.vellum.error.FieldError("grace_period_seconds", "type_mismatch", "must be a whole number of seconds")));
        }
    }

    /** ", previous secret valid until …" while a rotated token's grace period runs. */
    private static String previous(Token t) {
        String until = t.previousValidUntil();
        if (until == null || until.compareTo(dev.vellum.time.Timestamps.now()) <= 0) return "";
        return "; previous secret valid until " + Times.utc(until);
    }

    private void show(Context ctx, Session s, int status, IssuedToken issued, String error) {
        String p = project(ctx, s);
        Html h = new Html();
        Layout.notice(h, "error", error);
        if ("revoked".equals(ctx.queryParam("done"))) Layout.notice(h, "ok", "Token revoked. It stops working at once.");
        if (issued != null) {
            h.open("div", "class", "card secret", "role", "status");
            h.el("p", "Token \u201c" + issued.token().name() + "\u201d (" + issued.token().scope().wire()
                    + "). Copy the secret now: it is shown only this once.");
            if (issued.token().previousValidUntil() != null) {
                h.el("p", "The previous secret keeps working until " + Times.utc(issued.token().previousValidUntil()) + ".");
            }
            h.open("p").el("label", "Secret", "for", "new-secret").close("p");
            h.open("input", "id", "new-secret", "class", "mono", "readonly", "", "value", issued.secret(), "data-select", "");
            h.close("div");
        }
        List<Token> tokens = services.tokens().list(p);
        h.open("div", "class", "scroll").open("table").open("thead").open("tr");
        for (String c : List.of("Name", "Scope", "Created", "Last used", "Status", "Actions")) h.el("th", c, "scope", "col");
        h.close("tr").close("thead").open("tbody");
        for (Token t : tokens) {
            boolean revoked = t.revokedAt() != null;
            h.open("tr").el("td", t.name()).el("td", t.scope().wire()).el("td", Times.utc(t.createdAt()))
                    .el("td", t.lastUsedAt() == null ? "never" : Times.utc(t.lastUsedAt()))
                    .el("td", revoked ? "revoked " + Times.utc(t.revokedAt()) : "active" + previous(t)).open("td", "class", "row-actions");
            if (!revoked) {
                String action = "/admin/p/" + p + "/tokens/" + t.id();
                h.open("form", "method", "post", "action", action + "/rotate", "class", "inline")
                        .hidden(SessionCookies.CSRF_FIELD, s.csrf())
                        .el("label", "Old secret works for", "for", "grace-" + t.id(), "class", "visually-hidden")
                        .open("select", "id", "grace-" + t.id(), "name", "grace", "class", "inline-select");
                for (String[] g : GRACE) h.el("option", g[1], "value", g[0]);
                h.close("select").button("Rotate", "type", "submit", "aria-label", "Rotate " + t.name()).close("form");
                h.open("form", "method", "post", "action", action + "/revoke", "class", "inline", "data-confirm",
                                "Revoke \u201c" + t.name() + "\u201d? Anything using it stops working.")
                        .hidden(SessionCookies.CSRF_FIELD, s.csrf())
                        .button("Revoke", "type", "submit", "class", "danger", "aria-label", "Revoke " + t.name()).close("form");
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("div");
        h.el("h2", "New token");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/tokens", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("Name", "token-name", "What uses it, e.g. \u201cmarketing site\u201d.", null, "name", "name", "required", "");
        h.open("div", "class", "field").el("label", "Scope", "for", "token-scope")
                .open("select", "id", "token-scope", "name", "scope");
        for (Scope sc : Scope.values()) h.el("option", sc.wire(), "value", sc.wire());
        h.close("select").close("div");
        h.button("Create token", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "Tokens", s, Links.crumbs(s, p, new Layout.Crumb("Tokens", null)), h);
    }
}
