package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Secrets;
import dev.vellum.content.BatchResult;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.query.ListParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** /v1/projects/{p}/collections/{c}/entries: read with read scope (published only), write with write scope. */
final class EntryRoutes {
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final byte[] ASSET_KEY = "\"asset\":\"".getBytes(StandardCharsets.UTF_8);

    private EntryRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/collections/{c}/entries";
        EntryService entries = s.entries();
        routes.get(base, ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            var who = Calls.principal(ctx);
            String etag = Caching.etag(s.changes().latest(p), who, ctx, null); // the seq before the read: never newer than the data
            Caching.headers(ctx, s, p, who);
            ctx.header("ETag", etag);
            if (Caching.notModified(ctx, etag)) {
                ctx.status(304);
                return;
            }
            ListParams params = new ListParams(ctx.queryParam("limit"), ctx.queryParam("cursor"), ctx.queryParam("sort"),
                    ctx.queryParam("fields"), ctx.queryParam("include_total"), ctx.queryParam("filter"), ctx.queryParam("search"));
            String c = ctx.pathParam("c");
            boolean drafts = Access.seesDrafts(Calls.principal(ctx));
            if (entries.holdsAssets(p, c)) { // asset references are filled in on the tree
                ObjectNode page = entries.list(p, c, params, drafts, format(ctx));
                s.assets().expand(p, page);
                Json.write(ctx, 200, page);
            } else {
                byte[] page = entries.listJson(p, c, params, drafts, format(ctx));
                if (entries.holdsRichText(p, c) && contains(page, ASSET_KEY)) { // an image of an asset in rich text: filled in on the tree
                    var tree = (ObjectNode) Json.MAPPER.readTree(page);
                    s.assets().expand(p, tree);
                    Json.write(ctx, 200, tree);
                } else {
                    Json.write(ctx, 200, page);
                }
            }
        });
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            var body = Json.body(ctx, s.config().maxBodyBytes());
            EntryService.IdempotencyKey key = idempotencyKey(ctx);
            EntryService.Created created = entries.create(p, ctx.pathParam("c"), body, Authentication.tokenId(ctx), key, format(ctx));
            ctx.header("Location", "/v1/projects/" + p + "/collections/" + ctx.pathParam("c") + "/entries/" + created.id());
            ctx.header("ETag", etag(created.version()));
            if (created.replayed()) ctx.header("Idempotent-Replayed", "true");
            s.assets().expand(p, created.body());
            Json.write(ctx, created.status(), created.body());
        });
        routes.post(base + "/batch", ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            BatchResult result = entries.batch(p, ctx.pathParam("c"), Json.body(ctx, s.config().maxBodyBytes()), Authentication.tokenId(ctx));
            ObjectNode out = result.atomicFailure()
                    ? Problems.problem(ctx, 422, "batch_failed", "Some entries are not valid; the atomic batch wrote nothing", List.of())
                    : Json.MAPPER.createObjectNode();
            ArrayNode list = out.putArray("results");
            for (BatchResult.Item i : result.results()) list.add(item(i));
            if (result.atomicFailure()) Problems.write(ctx, out);
            else Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            EntryService.Rendered r = entries.get(p, ctx.pathParam("c"), ctx.pathParam("id"), Access.seesDrafts(Calls.principal(ctx)), format(ctx));
            ctx.header("ETag", etag(r.version()));
            Caching.headers(ctx, s, p, Calls.principal(ctx));
            if (Caching.notModified(ctx, etag(r.version()))) {
                ctx.status(304);
                return;
            }
            s.assets().expand(p, r.body());
            Json.write(ctx, 200, r.body());
        });
        routes.patch(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            var body = Json.body(ctx, s.config().maxBodyBytes());
            EntryService.Rendered r = entries.update(p, ctx.pathParam("c"), ctx.pathParam("id"), body, ifMatch(ctx),
                    Authentication.tokenId(ctx), format(ctx));
            ctx.header("ETag", etag(r.version()));
            s.assets().expand(p, r.body());
            Json.write(ctx, 200, r.body());
        });
        routes.delete(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            entries.delete(p, ctx.pathParam("c"), ctx.pathParam("id"), ifMatch(ctx), Authentication.tokenId(ctx));
            ctx.status(204);
        });
    }

    private static ObjectNode item(BatchResult.Item i) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("status", i.status());
        if (i.id() != null) o.put("id", i.id());
        if (i.slug() != null) o.put("slug", i.slug());
        if (i.version() != null) o.put("version", i.version());
        if (i.code() != null) o.put("code", i.code());
        if (!i.errors().isEmpty()) {
            ArrayNode errors = o.putArray("errors");
            for (FieldError f : i.errors()) errors.addObject().put("field", f.field()).put("code", f.code()).put("message", f.message());
        }
        return o;
    }

    private static RichTextFormat format(Context ctx) {
        return RichTextFormat.parse(ctx.queryParam("rich_text"));
    }

    /** Whether {@code needle} occurs in {@code haystack} (a plain scan: far cheaper than parsing a page that has none). */
    static boolean contains(byte[] haystack, byte[] needle) {
        // as Latin-1 strings: a byte-for-byte view whose indexOf the JDK vectorises
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1)) >= 0;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match ({@code "3"}, {@code W/"3"}); null when absent or {@code *}. */
    static Long ifMatch(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank() || h.strip().equals("*")) return null;
        String v = h.strip();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new VellumException.PreconditionFailed("version_mismatch", "If-Match does not name a version of this entry");
        }
    }

    private static EntryService.IdempotencyKey idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) return null;
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new VellumException.BadRequest("invalid_idempotency_key", "Idempotency-Key must be 1–255 characters");
        }
        String request = ctx.method().name() + " " + ctx.path() + "\n" + new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        return new EntryService.IdempotencyKey(key, Secrets.hash(request));
    }
}
