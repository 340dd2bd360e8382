package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every error as application/problem+json (RFC 9457), in this one place. */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final String WRITTEN = "vellum.problemWritten";

    private Problems() {}

    static void render(Context ctx, VellumException e) {
        int status = e.status();
        if (e instanceof VellumException.Unauthenticated) ctx.header("WWW-Authenticate", "Bearer");
        if (e instanceof VellumException.RateLimited r) ctx.header("Retry-After", Long.toString(r.retryAfterSeconds()));
        write(ctx, problem(ctx, status, e.code(), e.detail(), e.errors()));
    }

    /** Anything unexpected: logged with the request id; the client gets only that id. */
    static void unexpected(Context ctx, Exception e) {
        log.error("unexpected error, request_id={} {} {}", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
        write(ctx, problem(ctx, 500, "internal_error",
                "Something went wrong on our side; quote request id " + RequestIds.of(ctx) + " when reporting it", List.of()));
    }

    /** Whether this request already answers with a problem (so the 404 fallback leaves it alone). */
    static boolean written(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(WRITTEN));
    }

    static ObjectNode problem(Context ctx, int status, String code, String detail, List<FieldError> errors) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("type", "urn:vellum:problem:" + code);
        p.put("title", HttpStatus.forStatus(status).getMessage());
        p.put("status", status);
        p.put("detail", detail);
        p.put("code", code);
        p.put("instance", ctx.path());
        p.put("request_id", RequestIds.of(ctx));
        if (!errors.isEmpty()) {
            ArrayNode list = p.putArray("errors");
            for (FieldError f : errors) {
                ObjectNode item = list.addObject().put("field", f.field()).put("code", f.code()).put("message", f.message());
                if (f.position() != null) item.put("position", f.position());
            }
        }
        return p;
    }

    static void write(Context ctx, ObjectNode problem) {
        ctx.attribute(WRITTEN, true);
        Json.write(ctx, problem.get("status").asInt(), problem);
        ctx.contentType("application/problem+json");
    }
}
