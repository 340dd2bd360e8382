package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.delivery.DeliverySettings;
import dev.vellum.delivery.MintedTicket;
import dev.vellum.delivery.OriginPattern;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Delivery to sites and browsers: a project's CORS and caching settings ({@code PATCH /v1/projects/{p}}),
 * preview tokens, and stream tickets for EventSource clients.
 */
final class DeliveryRoutes {
    private static final Set<String> SETTINGS = Set.of("cors_origins", "cors_allow_credentials", "read_cache_control");

    private DeliveryRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        routes.patch("/v1/projects/{p}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            List<FieldError> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(k -> {
                if (!SETTINGS.contains(k)) unknown.add(new FieldError(k, "unknown_field", "settable: " + String.join(", ", SETTINGS.stream().sorted().toList())));
            });
            if (!unknown.isEmpty()) throw new VellumException.Invalid("invalid_project", "The project settings are not valid", unknown);
            var project = s.projects().get(p);
            ObjectNode out = ProjectRoutes.json(project);
            settings(out, s.delivery().update(p, body));
            Json.write(ctx, 200, out);
        });
        routes.post("/v1/projects/{p}/preview-tokens", ctx -> {
            String p = Calls.project(ctx, Scope.WRITE);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            String collection = text(body, "collection");
            if (collection != null) s.collections().get(p, collection); // 404 for a collection that does not exist
            JsonNode ttl = body.get("ttl_seconds");
            if (ttl != null && !ttl.isNull() && !ttl.canConvertToLong()) {
                throw new VellumException.Invalid("invalid_preview_token", "The preview token request is not valid",
                        List.of(new FieldError("ttl_seconds", "type_mismatch", "must be a whole number of seconds")));
            }
            MintedTicket t = s.delivery().mintPreview(Calls.principal(ctx), p, collection, text(body, "entry"),
                    ttl == null || ttl.isNull() ? null : ttl.longValue());
            ObjectNode out = Json.MAPPER.createObjectNode().put("id", t.ticket().id()).put("token", t.secret())
                    .put("expires_at", t.ticket().expiresAt());
            out.put("collection", t.ticket().collectionId()).put("entry", t.ticket().entryId());
            Json.write(ctx, 201, out);
        });
        routes.post("/v1/projects/{p}/stream-tickets", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            MintedTicket t = s.delivery().mintStreamTicket(Calls.principal(ctx), p);
            Json.write(ctx, 201, Json.MAPPER.createObjectNode().put("ticket", t.secret()).put("expires_at", t.ticket().expiresAt())
                    .put("url", "/v1/projects/" + p + "/changes/stream?ticket=" + t.secret()));
        });
    }

    /** The delivery settings, as GET and PATCH /v1/projects/{p} show them. */
    static ObjectNode settings(ObjectNode project, DeliverySettings d) {
        var origins = project.putArray("cors_origins");
        d.corsOrigins().stream().map(OriginPattern::text).forEach(origins::add);
        project.put("cors_allow_credentials", d.corsAllowCredentials());
        project.put("read_cache_control", d.readCacheControl());
        return project;
    }

    private static String text(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            throw new VellumException.Invalid("invalid_preview_token", "The preview token request is not valid",
                    List.of(new FieldError(key, "type_mismatch", "must be a string")));
        }
        return v.textValue();
    }
}
