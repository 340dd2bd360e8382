package dev.vellum.http;

import io.javalin.config.RoutesConfig;

/**
 * /healthz (the process answers), /readyz (the database answers too), /metrics (Prometheus; with the
 * instance admin token or VELLUM_METRICS_TOKEN, unless it is served on its own port by {@link MetricsServer}).
 */
final class HealthRoutes {
    private HealthRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        routes.get("/healthz", ctx -> Json.write(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok")));
        routes.get("/readyz", ctx -> {
            boolean ready = s.database().isHealthy();
            Json.write(ctx, ready ? 200 : 503, Json.MAPPER.createObjectNode().put("status", ready ? "ready" : "database unavailable"));
        });
        byte[] openApi = Json.MAPPER.valueToTree(OpenApiDocument.load()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        routes.get("/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        if (MetricsServer.MetricsConfig.of(s.config()).port() != null) return; // served by MetricsServer on its own address instead
        routes.get("/metrics", ctx -> {
            requireMetricsReader(ctx, s);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape());
        });
    }

    /** The bearer must be VELLUM_METRICS_TOKEN or the instance admin token; else 401/403 like any API call. */
    private static void requireMetricsReader(io.javalin.http.Context ctx, Services s) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new dev.vellum.error.VellumException.Unauthenticated("missing_token",
                    "Send Authorization: Bearer <instance admin token or VELLUM_METRICS_TOKEN>");
        }
        String secret = header.substring(7).strip();
        var configured = MetricsServer.MetricsConfig.of(s.config()).token();
        if (configured.isPresent() && java.security.MessageDigest.isEqual(
                configured.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return;
        }
        dev.vellum.auth.Access.requireInstanceAdmin(s.tokens().authenticate(secret));
    }
}
