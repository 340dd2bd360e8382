package dev.vellum.http;

import io.javalin.http.Context;
import java.util.Arrays;

/** Response headers that several handlers add to. */
final class Headers {
    private Headers() {}

    /** Adds {@code name} to the response's Vary header, once. */
    static void vary(Context ctx, String name) {
        String current = ctx.res().getHeader("Vary");
        if (current == null || current.isBlank()) {
            ctx.header("Vary", name);
        } else if (Arrays.stream(current.split(",")).map(String::strip).noneMatch(name::equalsIgnoreCase)) {
            ctx.header("Vary", current + ", " + name);
        }
    }
}
