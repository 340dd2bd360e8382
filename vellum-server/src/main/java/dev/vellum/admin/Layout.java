package dev.vellum.admin;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shell every admin page shares: head, top bar with sign-out, breadcrumbs, main landmark. */
final class Layout {
    /** One step of the breadcrumb trail; the last one is the current page (href ignored). */
    record Crumb(String label, String href) {}

    private Layout() {}

    static void write(Context ctx, int status, String title, Session session, List<Crumb> crumbs, Html body) {
        Html h = new Html();
        h.raw("<!doctype html>").open("html", "lang", "en").open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .el("title", title + " · Vellum admin")
                .open("link", "rel", "stylesheet", "href", StaticAssets.url("admin.css"))
                .open("script", "type", "module", "src", StaticAssets.url("admin.js")).close("script")
                .close("head").open("body");
        h.el("a", "Skip to content", "class", "skip", "href", "#main");
        h.open("header", "class", "top").open("nav", "aria-label", "Main");
        h.el("a", "Vellum", "class", "brand", "href", "/admin");
        if (session != null) {
            if (session.instanceAdmin()) h.el("a", "Projects", "href", "/admin/projects");
            else h.el("a", "Project " + session.ownProject(), "href", "/admin/p/" + session.ownProject());
            h.open("form", "method", "post", "action", "/admin/sign-out", "class", "inline")
                    .hidden(SessionCookies.CSRF_FIELD, session.csrf())
                    .button("Sign out", "type", "submit", "class", "link")
                    .close("form");
        }
        h.close("nav").close("header");
        if (crumbs.size() > 1) {
            h.open("nav", "aria-label", "Breadcrumb", "class", "crumbs").open("ol");
            for (int i = 0; i < crumbs.size(); i++) {
                Crumb c = crumbs.get(i);
                h.open("li");
                if (i == crumbs.size() - 1) h.el("span", c.label(), "aria-current", "page");
                else h.el("a", c.label(), "href", c.href());
                h.close("li");
            }
            h.close("ol").close("nav");
        }
        h.open("main", "id", "main").el("h1", title).raw(body.toString()).close("main");
        h.close("body").close("html");
        send(ctx, status, h.toString());
    }

    static void send(Context ctx, int status, String html) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob: https: http:; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html.getBytes(StandardCharsets.UTF_8));
    }

    /** A message box: {@code kind} is ok, error or warn; errors are announced to screen readers. */
    static void notice(Html h, String kind, String text) {
        if (text == null || text.isBlank()) return;
        h.el("p", text, "class", "notice " + kind, "role", "error".equals(kind) ? "alert" : "status");
    }
}
