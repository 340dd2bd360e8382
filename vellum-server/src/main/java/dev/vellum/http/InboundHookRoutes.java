package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.automation.InboundHook;
import dev.vellum.automation.InboundHookService;
import dev.vellum.automation.InboundLogEntry;
import dev.vellum.automation.InboundRequest;
import dev.vellum.automation.InboundResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;

/**
 * /v1/projects/{p}/inbound-hooks (admin scope) to define inbound hooks, and POST /hooks/{id} where
 * third parties send their payloads: outside /v1, no bearer token, the signature authenticates.
 */
final class InboundHookRoutes {
    private InboundHookRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/inbound-hooks";
        InboundHookService hooks = s.events().inbound();
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            InboundHookService.Created created = hooks.create(p, Json.body(ctx, s.config().maxBodyBytes()));
            ObjectNode out = json(ctx, s, created.hook());
            if (created.secret() != null) out.put("secret", created.secret());
            ctx.header("Location", "/v1/projects/" + p + "/inbound-hooks/" + created.hook().id());
            Json.write(ctx, 201, out);
        });
        routes.get(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            hooks.list(p).forEach(h -> data.add(json(ctx, s, h)));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> Json.write(ctx, 200, json(ctx, s, hooks.get(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id")))));
        routes.patch(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            Json.write(ctx, 200, json(ctx, s, hooks.update(p, ctx.pathParam("id"), Json.body(ctx, s.config().maxBodyBytes()))));
        });
        routes.delete(base + "/{id}", ctx -> {
            hooks.delete(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(base + "/{id}/log", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            InboundHookService.LogPage page = hooks.log(p, ctx.pathParam("id"), Calls.limit(ctx, 50), ctx.queryParam("cursor"));
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            page.data().forEach(e -> data.add(logEntry(e)));
            out.put("next_cursor", page.nextCursor());
            Json.write(ctx, 200, out);
        });
        routes.post("/hooks/{id}", ctx -> {
            if (ctx.contentLength() > s.config().maxBodyBytes()) {
                throw new dev.vellum.error.VellumException.PayloadTooLarge("The payload is larger than " + s.config().maxBodyBytes() + " bytes");
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(ctx.headerMap());
            InboundResult r = s.events().receiver().receive(ctx.pathParam("id"), new InboundRequest(headers, ctx.contentType(), ctx.bodyAsBytes()));
            ObjectNode out = Json.MAPPER.createObjectNode().put("result", r.outcome()).put("duplicate", r.duplicate());
            out.put("entry_id", r.entryId()).put("event_id", r.eventId());
            Json.write(ctx, 200, out);
        });
    }

    private static ObjectNode json(Context ctx, Services s, InboundHook h) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", h.id()).put("url", publicBase(ctx, s) + "/hooks/" + h.id());
        o.put("collection", h.collection()).put("upsert_key", h.upsertKey()).put("signature", h.scheme().wire());
        o.set("mapping", h.mapping());
        o.put("description", h.description()).put("created_at", h.createdAt()).put("updated_at", h.updatedAt());
        return o;
    }

    private static ObjectNode logEntry(InboundLogEntry e) {
        return Json.MAPPER.createObjectNode().put("id", e.id()).put("received_at", e.receivedAt()).put("event_id", e.eventId())
                .put("status", e.status()).put("outcome", e.outcome()).put("code", e.code()).put("detail", e.detail())
                .put("entry_id", e.entryId()).put("duration_ms", e.durationMs()).put("body_excerpt", e.bodyExcerpt());
    }

    /** VELLUM_PUBLIC_URL when set, else the scheme and host this request came to. */
    private static String publicBase(Context ctx, Services s) {
        return s.config().publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }
}
