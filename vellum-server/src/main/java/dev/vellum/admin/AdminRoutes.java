package dev.vellum.admin;

import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin UI at /admin: server-rendered pages over the same facades the HTTP API calls. Every page
 * needs a session; every POST needs the session's CSRF token; scope checks are the API's ({@code Access}).
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);

    /** A page or form handler that runs for a signed-in browser. */
    @FunctionalInterface
    interface Screen {
        void handle(Context ctx, Session session) throws Exception;
    }

    private final Services services;
    private final SessionCookies sessions;

    private AdminRoutes(Services services) {
        this.services = services;
        this.sessions = new SessionCookies(services.tokens());
    }

    public static void register(RoutesConfig routes, Services s) {
        AdminRoutes admin = new AdminRoutes(s);
        routes.get("/admin/static/{name}", StaticAssets::serve);
        new SignInPages(s, admin.sessions).register(routes, admin);
        new ProjectPages(s).register(routes, admin);
        PreviewLinks previews = new PreviewLinks(s.database());
        new SchemaPages(s, previews).register(routes, admin);
        new EntryTable(s).register(routes, admin);
        new EntryPages(s, previews).register(routes, admin);
        new TokenPages(s).register(routes, admin);
        new WebhookPages(s).register(routes, admin);
        new HookPages(s).register(routes, admin);
        new ImportPages(s).register(routes, admin);
        new AssetPages(s).register(routes, admin);
        new ConnectionPages(s, new SecretBox(s.config().secretKey(), s.config().dataDir())).register(routes, admin);
        new SyncPages(s).register(routes, admin);
        new ConflictPages(s).register(routes, admin);
    }

    /** A GET page: without a session, the browser is sent to sign in. */
    Handler page(Screen screen) {
        return ctx -> {
            var session = sessions.current(ctx);
            if (session.isEmpty()) {
                ctx.redirect("/admin/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            run(ctx, session.get(), screen);
        };
    }

    /** A form POST: needs a session and its CSRF token (403 otherwise, nothing done). */
    Handler action(Screen screen) {
        return ctx -> {
            var session = sessions.current(ctx);
            if (session.isEmpty()) {
                ctx.redirect("/admin/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            if (!SessionCookies.matches(session.get().csrf(), ctx.formParam(SessionCookies.CSRF_FIELD))) {
                errorPage(ctx, session.get(), 403, "This form has expired or did not come from this site. Go back, reload and try again.");
                return;
            }
            run(ctx, session.get(), screen);
        };
    }

    private void run(Context ctx, Session session, Screen screen) throws Exception {
        services.tokens().recordUse(session.tokenId(), ctx.method().name(), route(ctx));
        try {
            screen.handle(ctx, session);
        } catch (VellumException e) {
            errorPage(ctx, session, e.status(), e.detail());
        } catch (RuntimeException e) {
            log.error("admin page failed: {} {}", ctx.method(), ctx.path(), e);
            errorPage(ctx, session, 500, "Something went wrong on the server. It has been logged.");
        }
    }

    static void errorPage(Context ctx, Session session, int status, String message) {
        Html h = new Html();
        Layout.notice(h, "error", message);
        h.open("p").el("a", "Back to the start", "href", "/admin").close("p");
        String title = switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Cannot do that";
        };
        Layout.write(ctx, status, title, session, List.of(), h);
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return ctx.path();
        }
    }
}
