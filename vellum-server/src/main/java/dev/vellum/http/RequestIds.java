package dev.vellum.http;

import dev.vellum.ids.Ulid;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** A request id for every request: the caller's X-Request-Id when it is sane, else a new one. */
final class RequestIds {
    private static final String ATTRIBUTE = "vellum.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    static void assign(Context ctx) {
        String given = ctx.header("X-Request-Id");
        String id = given != null && SANE.matcher(given).matches() ? given : Ulid.next();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
        org.slf4j.MDC.put("request_id", id); // application log lines of this request carry it
    }

    static void clear() {
        org.slf4j.MDC.remove("request_id");
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
