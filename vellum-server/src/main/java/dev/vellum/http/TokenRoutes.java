package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.IssuedToken;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Token;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** /v1/projects/{p}/tokens: issue (secret shown once), list, revoke, rotate. Admin scope. */
final class TokenRoutes {
    private TokenRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/tokens";
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            Scope scope = Scope.parse(body.path("scope").asText(null)).orElseThrow(() -> new VellumException.Invalid(
                    "invalid_token_request", "scope must be read, write or admin",
                    List.of(new FieldError("scope", "invalid_option", "scope must be read, write or admin"))));
            IssuedToken t = s.tokens().issue(p, body.path("name").asText(null), scope, body.path("expires_at").asText(null));
            ctx.header("Location", "/v1/projects/" + p + "/tokens/" + t.token().id());
            Json.write(ctx, 201, issued(t));
        });
        routes.get(base, ctx -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            var data = out.putArray("data");
            s.tokens().list(Calls.project(ctx, Scope.ADMIN)).forEach(t -> data.add(json(t)));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            Token token = s.tokens().get(p, ctx.pathParam("id"));
            ObjectNode out = json(token);
            var usage = out.putArray("usage");
            s.tokens().usage(token).forEach(u -> usage.addObject().put("method", u.method()).put("route", u.route())
                    .put("count", u.count()).put("last_used_at", u.lastUsedAt()));
            Json.write(ctx, 200, out);
        });
        routes.delete(base + "/{id}", ctx -> {
            s.tokens().revoke(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.post(base + "/{id}/rotate", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            long grace = 0;
            if (ctx.contentLength() > 0) {
                JsonNode g = Json.body(ctx, s.config().maxBodyBytes()).get("grace_period_seconds");
                if (g != null && !g.canConvertToLong()) {
                    throw new VellumException.Invalid("invalid_token_request", "grace_period_seconds must be a whole number",
                            List.of(new FieldError("grace_period_seconds", "type_mismatch", "must be a whole number")));
                }
                grace = g == null ? 0 : g.asLong();
            }
            Json.write(ctx, 200, issued(s.tokens().rotate(p, ctx.pathParam("id"), grace)));
        });
    }

    private static ObjectNode issued(IssuedToken t) {
        return json(t.token()).put("token", t.secret());
    }

    static ObjectNode json(Token t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", t.id()).put("name", t.name()).put("scope", t.scope().wire()).put("created_at", t.createdAt());
        o.put("expires_at", t.expiresAt()).put("last_used_at", t.lastUsedAt()).put("revoked_at", t.revokedAt());
        if (t.previousValidUntil() != null) o.put("previous_valid_until", t.previousValidUntil());
        return o;
    }
}
