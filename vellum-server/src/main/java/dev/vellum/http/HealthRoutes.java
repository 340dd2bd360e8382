package dev.vellum.http;

import io.javalin.config.RoutesConfig;

/** /healthz (the process answers), /readyz (the database answers too), /metrics (Prometheus). */
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
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape()));
    }
}
