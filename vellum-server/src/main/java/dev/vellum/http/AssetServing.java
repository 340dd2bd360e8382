package dev.vellum.http;

import dev.vellum.assets.Asset;
import io.javalin.http.Context;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Writes an asset's bytes: strong ETag (the SHA-256), immutable caching, conditional 304, HEAD, and
 * single byte ranges (206, 416). HTML, SVG and XML always go out as attachments inside a CSP sandbox;
 * nothing is ever sniffed by the browser (nosniff).
 */
final class AssetServing {
    static final String PRIVATE = "vellum.asset.private";

    private AssetServing() {}

    /** What to write: type, length, validator, download name, and how to open a byte range of it. */
    record Content(String contentType, long size, String etag, String filename, boolean active, BiFunction<Long, Long, InputStream> open) {}

    static void serve(Context ctx, Services s, Asset a, boolean head) {
        Content c = variantWanted(ctx) ? variant(ctx, s, a)
                : new Content(a.contentType(), a.size(), "\"" + a.sha256() + "\"", a.filename(), a.isActiveContent(),
                        (offset, length) -> s.assets().open(a, offset, length));
        write(ctx, c, head, Boolean.TRUE.equals(ctx.attribute(PRIVATE)) || !ctx.path().startsWith("/assets/"));
    }

    private static final java.util.List<String> VARIANT_PARAMETERS = java.util.List.of("w", "h", "fit", "format", "q");

    private static boolean variantWanted(Context ctx) {
        for (String p : VARIANT_PARAMETERS) if (ctx.queryParam(p) != null) return true;
        return false;
    }

    private static Content variant(Context ctx, Services s, Asset a) {
        var spec = s.assets().variantSpec(a, ctx.queryParam("w"), ctx.queryParam("h"), ctx.queryParam("fit"), ctx.queryParam("format"),
                ctx.queryParam("q"));
        var v = s.assets().variant(a, spec);
        String base = a.filename().contains(".") ? a.filename().substring(0, a.filename().lastIndexOf('.')) : a.filename();
        return new Content(v.contentType(), v.size(), "\"" + a.sha256() + "-" + v.spec() + "\"", base + "." + spec.format().extension(), false,
                (offset, length) -> s.assets().openVariant(a, v, offset, length));
    }

    static void write(Context ctx, Content c, boolean head, boolean privateCache) {
        ctx.header("ETag", c.etag());
        ctx.header("Cache-Control", (privateCache ? "private" : "public") + ", max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", (c.active() ? "attachment" : "inline") + "; filename*=UTF-8''"
                + URLEncoder.encode(c.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        if (c.active()) ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.contentType(c.contentType());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(c.etag()) || ifNoneMatch.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        long offset = 0;
        long length = c.size();
        String range = ctx.header("Range");
        if (range != null && ifRangeHolds(ctx, c)) {
            long[] r = parseRange(range, c.size());
            if (r == null) {
                ctx.header("Content-Range", "bytes */" + c.size());
                Problems.write(ctx, Problems.problem(ctx, 416, "range_not_satisfiable",
                        "The range " + range + " is outside the " + c.size() + " bytes", java.util.List.of()));
                return;
            }
            if (r.length == 2) {
                offset = r[0];
                length = r[1] - r[0] + 1;
                ctx.status(206);
                ctx.header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + c.size());
            }
        }
        ctx.header("Content-Length", Long.toString(length));
        if (head || length == 0) {
            ctx.result(new byte[0]);
            ctx.header("Content-Length", Long.toString(length));
            return;
        }
        // written straight to the response in 64 KiB chunks (no intermediate copy of the whole body)
        try (java.io.InputStream in = c.open().apply(offset, length); java.io.OutputStream out = ctx.outputStream()) {
            byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(length, 1))];
            int n;
            while ((n = in.read(buffer)) > 0) out.write(buffer, 0, n);
        } catch (java.io.IOException e) {
            // the client went away mid-body: nothing left to answer
        }
    }

    private static boolean ifRangeHolds(Context ctx, Content c) {
        String ifRange = ctx.header("If-Range");
        return ifRange == null || ifRange.strip().equals(c.etag());
    }

    /**
     * One range of {@code bytes=a-b}, {@code a-} or {@code -n}: {start, end}; an empty array to serve
     * the whole (several ranges, or a header we do not understand); null when unsatisfiable.
     */
    static long[] parseRange(String header, long size) {
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) return new long[0];
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) return new long[0];
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) {
                long n = Long.parseLong(last);
                if (n <= 0 || size == 0) return null;
                return new long[] {Math.max(0, size - n), size - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size || start > end) return null;
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }
}
