package dev.vellum.http;

import dev.vellum.error.VellumException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.List;

/** The HTTP adapter: Javalin with Vellum's routes, authentication, errors and request log. */
public final class HttpServer implements AutoCloseable {
    private final Javalin app;
    private final MetricsServer metricsServer;
    private final List<Route> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An endpoint as registered: method and path template (e.g. GET /v1/projects/{p}). */
    public record Route(String method, String path) {}

    public HttpServer(Services s) {
        this(s, routes -> { });
    }

    /** @param adapters further route groups served by the same server (the admin UI), wired by the app. */
    public HttpServer(Services s, java.util.function.Consumer<io.javalin.config.RoutesConfig> adapters) {
        Authentication auth = new Authentication(s.tokens(), s.delivery());
        Cors cors = new Cors(s.delivery());
        MetricsServer.MetricsConfig metricsConfig = MetricsServer.MetricsConfig.of(s.config());
        this.metricsServer = metricsConfig.port() == null ? null : new MetricsServer(metricsConfig, s.metrics());
        AccessLog accessLog = new AccessLog(s.config().logFormat(), s.metrics(), s.tokens());
        RateLimiting rateLimiting = new RateLimiting(s.rateLimits(), s.config().rateLimits());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = s.config().maxBodyBytes();
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = s.config().host();
            config.jetty.port = s.config().port();
            config.requestLogger.http(accessLog::log);
            config.events.handlerAdded(meta -> {
                String method = meta.getHttpMethod().name();
                boolean api = !meta.getPath().startsWith("/admin"); // the admin UI's HTML pages are not API endpoints
                if (api && List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) routes.add(new Route(method, meta.getPath()));
            });
            var routes = config.routes;
            routes.before(RequestIds::assign);
            routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            routes.before("/v1/*", ctx -> {
                cors.decorate(ctx);
                if (ctx.method() == io.javalin.http.HandlerType.OPTIONS) { // a preflight carries no token: answered here
                    cors.preflight(ctx);
                    ctx.skipRemainingHandlers();
                    return;
                }
                if (!ctx.path().equals("/v1/openapi.json")) auth.authenticate(ctx, rateLimiting);
            });
            HealthRoutes.register(routes, s);
            ProjectRoutes.register(routes, s);
            TokenRoutes.register(routes, s);
            CollectionRoutes.register(routes, s);
            EntryRoutes.register(routes, s);
            ChangeRoutes.register(routes, s);
            ChangeStreamRoutes.register(routes, s);
            WebhookRoutes.register(routes, s);
            PublishRoutes.register(routes, s);
            InboundHookRoutes.register(routes, s);
            ArchiveRoutes.register(routes, s);
            ImportRoutes.register(routes, s);
            SyncRoutes.register(routes, s);
            AssetRoutes.register(routes, s);
            DeliveryRoutes.register(routes, s);
            GraphqlRoutes.register(routes, s);
            adapters.accept(routes);
            routes.exception(VellumException.class, (e, ctx) -> Problems.render(ctx, e));
            routes.exception(HttpResponseException.class, (e, ctx) -> Problems.write(ctx,
                    Problems.problem(ctx, e.getStatus(), code(e.getStatus()), e.getMessage(), List.of())));
            routes.exception(Exception.class, (e, ctx) -> Problems.unexpected(ctx, e));
            routes.error(404, ctx -> {
                if (!Problems.written(ctx) && ctx.resultInputStream() == null) { // an adapter's own 404 page stays
                    Problems.write(ctx, Problems.problem(ctx, 404, "route_not_found", "No route " + ctx.method() + " " + ctx.path(), List.of()));
                }
            });
            routes.error(405, ctx -> Problems.write(ctx,
                    Problems.problem(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of())));
        });
    }

    private static String code(int status) {
        return switch (status) {
            case 413 -> "payload_too_large";
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + status;
        };
    }

    public HttpServer start() {
        app.start();
        if (metricsServer != null) metricsServer.start();
        return this;
    }

    /** Every API endpoint the server serves (not the admin UI's pages). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    /** The port of the separate /metrics listener, or -1 when /metrics is on the API port. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    @Override
    public void close() {
        if (metricsServer != null) metricsServer.close();
        app.stop();
    }
}
