package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetJson;
import dev.vellum.assets.AssetPatch;
import dev.vellum.assets.AssetQuery;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * /v1/projects/{p}/assets (upload, list, get, change, delete, purge, content) and the asset URLs
 * /assets/{p}/{key}/{name}, public or behind a read token as the project's asset setting says.
 */
final class AssetRoutes {
    private static final int MULTIPART_OVERHEAD = 64 * 1024;

    private AssetRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/assets";
        AssetService assets = s.assets();
        Authentication auth = new Authentication(s.tokens(), s.delivery());
        RateLimiting rateLimiting = new RateLimiting(s.rateLimits(), s.config().rateLimits());
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            StoredAsset stored = AssetUploads.receive(ctx, s, p);
            ctx.header("Location", base.replace("{p}", p) + "/" + stored.asset().id());
            Json.write(ctx, stored.created() ? 201 : 200, json(assets, stored.asset()));
        });
        routes.get(base, ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            var page = assets.list(p, new AssetQuery(ctx.queryParam("type"), ctx.queryParam("filename"), Calls.limit(ctx, 50),
                    ctx.queryParam("cursor")));
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            page.data().forEach(a -> data.add(json(assets, a)));
            out.put("next_cursor", page.nextCursor());
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> Json.write(ctx, 200, json(assets, assets.require(Calls.project(ctx, Scope.READ), ctx.pathParam("id")))));
        routes.patch(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            Json.write(ctx, 200, json(assets, assets.update(p, ctx.pathParam("id"), patch(body))));
        });
        routes.delete(base + "/{id}", ctx -> {
            assets.delete(Calls.project(ctx, Scope.WRITE), ctx.pathParam("id"), "true".equals(ctx.queryParam("force")));
            ctx.status(204);
        });
        routes.post(base + "/purge", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            JsonNode days = body.get("older_than_days");
            if (days == null || !days.canConvertToInt() || days.asInt() < 0) {
                throw new VellumException.Invalid("invalid_purge", "The purge request is not valid",
                        List.of(new FieldError("older_than_days", "required", "older_than_days must be a whole number ≥ 0")));
            }
            boolean dryRun = body.path("dry_run").asBoolean(false);
            List<Asset> purged = assets.purge(p, Duration.ofDays(days.asInt()), dryRun);
            ObjectNode out = Json.MAPPER.createObjectNode().put("dry_run", dryRun).put("count", purged.size())
                    .put("bytes", purged.stream().mapToLong(Asset::size).sum());
            ArrayNode data = out.putArray("data");
            purged.forEach(a -> data.add(json(assets, a)));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}/content", ctx -> AssetServing.serve(ctx, s, assets.require(Calls.project(ctx, Scope.READ), ctx.pathParam("id")), false));
        routes.head(base + "/{id}/content", ctx -> AssetServing.serve(ctx, s, assets.require(Calls.project(ctx, Scope.READ), ctx.pathParam("id")), true));
        routes.get("/v1/projects/{p}/asset-settings", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            Json.write(ctx, 200, Json.MAPPER.createObjectNode().put("public", assets.isPublic(p)));
        });
        routes.put("/v1/projects/{p}/asset-settings", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            JsonNode isPublic = Json.body(ctx, s.config().maxBodyBytes()).get("public");
            if (isPublic == null || !isPublic.isBoolean()) {
                throw new VellumException.Invalid("invalid_asset_settings", "The asset settings are not valid",
                        List.of(new FieldError("public", "required", "public must be true or false")));
            }
            Json.write(ctx, 200, Json.MAPPER.createObjectNode().put("public", assets.setPublic(p, isPublic.asBoolean())));
        });
        routes.get("/assets/{p}/{key}/{name}", ctx -> AssetServing.serve(ctx, s, published(ctx, assets, auth, rateLimiting), false));
        routes.head("/assets/{p}/{key}/{name}", ctx -> AssetServing.serve(ctx, s, published(ctx, assets, auth, rateLimiting), true));
    }

    /** The asset behind a public URL; in a private project only for a token that may read it (others see 404). */
    private static Asset published(Context ctx, AssetService assets, Authentication auth, RateLimiting rateLimiting) {
        String p = ctx.pathParam("p");
        if (!assets.isPublic(p)) {
            auth.authenticate(ctx, rateLimiting);
            Access.require(Authentication.principal(ctx), p, Scope.READ);
            ctx.attribute(AssetServing.PRIVATE, true);
        }
        return assets.byUrlKey(p, ctx.pathParam("key")).orElseThrow(() -> new VellumException.NotFound("asset_not_found", "No such asset"));
    }

    private static AssetPatch patch(JsonNode body) {
        if (!body.isObject()) throw new VellumException.BadRequest("invalid_body", "Send a JSON object with alt and/or title");
        List<FieldError> errors = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("alt") && !f.equals("title")) errors.add(new FieldError(f, "read_only", "only alt and title can change"));
        });
        for (String f : List.of("alt", "title")) {
            JsonNode v = body.get(f);
            if (v != null && !v.isTextual() && !v.isNull()) errors.add(new FieldError(f, "invalid_type", f + " must be a string or null"));
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_asset", "The change is not valid", errors);
        return new AssetPatch(text(body, "alt"), text(body, "title"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) return null;
        return v.isNull() ? "" : v.asText();
    }

    static ObjectNode json(AssetService assets, Asset a) {
        return AssetJson.render(a, assets.url(a));
    }

    /** Parses a JSON upload-from-URL request. */
    static StoredAsset fetch(Context ctx, Services s, String projectId) {
        JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new VellumException.Invalid("invalid_upload", "The upload is not valid",
                    List.of(new FieldError("url", "required", "send {\"url\": \"https://…\"} or upload the file itself")));
        }
        URI uri;
        try {
            uri = URI.create(url.asText().strip());
        } catch (IllegalArgumentException e) {
            throw new VellumException.Invalid("invalid_upload", "The upload is not valid",
                    List.of(new FieldError("url", "invalid_url", "not a valid URL")));
        }
        return s.assets().fetch(projectId, uri, new AssetUpload(textOrNull(body, "filename"), null, textOrNull(body, "alt"),
                textOrNull(body, "title")));
    }

    private static String textOrNull(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static long multipartOverhead() {
        return MULTIPART_OVERHEAD;
    }
}
