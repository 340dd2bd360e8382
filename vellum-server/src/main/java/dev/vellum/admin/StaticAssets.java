package dev.vellum.admin;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The admin's stylesheet and script, shipped in the jar (no front-end build). URLs carry a content
 * hash, so browsers cache them for a year and a new release is fetched at once.
 */
final class StaticAssets {
    private record Asset(byte[] bytes, String type, String hash) {}

    private static final Map<String, Asset> ASSETS = Map.of(
            "admin.css", load("admin.css", "text/css; charset=utf-8"),
            "admin.js", load("admin.js", "text/javascript; charset=utf-8"));

    private StaticAssets() {}

    static String url(String name) {
        return "/admin/static/" + name + "?v=" + ASSETS.get(name).hash();
    }

    static void serve(Context ctx) {
        Asset a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            ctx.status(404).contentType("text/plain").result("not found");
            return;
        }
        String etag = "\"" + a.hash() + "\"";
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", ctx.queryParam("v") != null ? "public, max-age=31536000, immutable" : "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.type()).result(a.bytes());
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/admin/" + name)) {
            if (in == null) throw new IllegalStateException("admin asset missing from the jar: " + name);
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, type, HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
