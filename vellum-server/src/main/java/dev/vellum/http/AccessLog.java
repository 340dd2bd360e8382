package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.observability.Metrics;
import io.javalin.http.Context;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per request (timestamp, request id, method, route, status, duration, token id), and its metric. */
final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("vellum.access");

    private final boolean json;
    private final Metrics metrics;

    private final dev.vellum.auth.TokenService tokens;

    AccessLog(String format, Metrics metrics, dev.vellum.auth.TokenService tokens) {
        this.json = !"text".equals(format);
        this.metrics = metrics;
        this.tokens = tokens;
    }

    void log(Context ctx, Float ms) {
        try {
            record(ctx, ms);
        } finally {
            RequestIds.clear();
        }
    }

    private void record(Context ctx, Float ms) {
        String route = route(ctx);
        metrics.request(ctx.method().name(), route, ctx.statusCode(), java.time.Duration.ofNanos((long) (ms * 1_000_000)));
        String tokenId = Authentication.tokenId(ctx);
        if (tokenId != null) tokens.recordUse(tokenId, ctx.method().name(), route);
        if (!log.isInfoEnabled()) return;
        String token = Authentication.tokenId(ctx);
        int status = ctx.statusCode();
        if (json) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("ts", Instant.now().toString());
            line.put("request_id", RequestIds.of(ctx));
            line.put("method", ctx.method().name());
            line.put("route", route);
            line.put("path", ctx.path());
            line.put("status", status);
            line.put("duration_ms", Math.round(ms * 100) / 100.0);
            line.put("token_id", token);
            log.info(line.toString());
        } else {
            log.info("ts={} request_id={} method={} route={} status={} duration_ms={} token_id={}", Instant.now(),
                    RequestIds.of(ctx), ctx.method().name(), route, status, String.format("%.2f", ms), token == null ? "-" : token);
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "(unmatched)";
        }
    }
}
