package dev.vellum.http;

import dev.vellum.delivery.DeliveryService;
import dev.vellum.delivery.DeliverySettings;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS per project ({@code cors_origins} of {@code PATCH /v1/projects/{p}}). Runs before authentication,
 * so a preflight (which carries no token) is answered here, and so error responses (a 401 too) carry the
 * CORS headers a browser needs to read them. Credentials are allowed only where the project says so.
 */
final class Cors {
    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final Set<String> HEADERS = Set.of("authorization", "content-type", "if-none-match", "if-match", "idempotency-key",
            "last-event-id", "accept");
    static final String EXPOSED = "ETag, Location, Idempotent-Replayed, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, "
            + "Retry-After, X-Request-Id";
    private static final String MAX_AGE = "600";

    private final DeliveryService delivery;

    Cors(DeliveryService delivery) {
        this.delivery = delivery;
    }

    /** On every /v1 request: the CORS headers of an allowed origin on a project's paths. */
    void decorate(Context ctx) {
        String origin = ctx.header("Origin");
        String project = projectOf(ctx.path());
        if (origin == null || project == null) return;
        Headers.vary(ctx, "Origin");
        DeliverySettings settings = delivery.settings(project);
        if (!settings.allowsOrigin(origin)) return;
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
        if (settings.corsAllowCredentials()) ctx.header("Access-Control-Allow-Credentials", "true");
    }

    /** OPTIONS on a /v1 path: a CORS preflight (no token needed), or a plain OPTIONS listing the methods. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        String method = ctx.header("Access-Control-Request-Method");
        String project = projectOf(ctx.path());
        if (origin == null || method == null) {
            ctx.header("Allow", METHODS + ", OPTIONS").status(204);
            return;
        }
        Headers.vary(ctx, "Access-Control-Request-Method");
        Headers.vary(ctx, "Access-Control-Request-Headers");
        if (project == null || !delivery.settings(project).allowsOrigin(origin)) {
            throw new VellumException.Forbidden("cors_origin_not_allowed",
                    "Origin " + origin + " is not in this project's cors_origins");
        }
        if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new VellumException.Forbidden("cors_method_not_allowed", "Method " + method + " is not allowed; allowed: " + METHODS);
        }
        String requested = ctx.header("Access-Control-Request-Headers");
        String headers = requested == null ? "" : Arrays.stream(requested.split(",")).map(String::strip)
                .filter(h -> HEADERS.contains(h.toLowerCase(Locale.ROOT))).collect(Collectors.joining(", "));
        ctx.header("Access-Control-Allow-Methods", METHODS);
        if (!headers.isEmpty()) ctx.header("Access-Control-Allow-Headers", headers);
        ctx.header("Access-Control-Max-Age", MAX_AGE);
        ctx.status(204);
    }

    /** The {p} of /v1/projects/{p}/…, or null. */
    static String projectOf(String path) {
        String prefix = "/v1/projects/";
        if (!path.startsWith(prefix)) return null;
        int end = path.indexOf('/', prefix.length());
        String p = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
        return p.isEmpty() ? null : p;
    }
}
