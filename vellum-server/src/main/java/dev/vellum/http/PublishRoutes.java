package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.publishing.Publish;
import dev.vellum.publishing.PublishService;
import dev.vellum.webhooks.DeliveryRepository;
import io.javalin.config.RoutesConfig;

/** POST /v1/projects/{p}/publish (debounced site.published) and GET …/publishes (the history), write scope. */
final class PublishRoutes {
    private PublishRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        PublishService publishing = s.events().publishing();
        routes.post("/v1/projects/{p}/publish", ctx -> {
            Publish p = publishing.request(Calls.project(ctx, Scope.WRITE), false);
            Json.write(ctx, 202, json(new PublishService.Report(p, java.util.List.of())));
        });
        routes.get("/v1/projects/{p}/publishes", ctx -> {
            PublishService.History h = publishing.history(Calls.project(ctx, Scope.WRITE), Calls.limit(ctx, 20), ctx.queryParam("cursor"));
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            h.data().forEach(r -> data.add(json(r)));
            out.put("next_cursor", h.nextCursor());
            Json.write(ctx, 200, out);
        });
    }

    private static ObjectNode json(PublishService.Report r) {
        Publish p = r.publish();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", p.id()).put("status", p.status().wire()).put("requests", p.requests()).put("scheduled", p.scheduled());
        o.put("requested_at", p.requestedAt()).put("last_requested_at", p.lastRequestedAt());
        if (p.status() == Publish.Status.PENDING) o.put("fire_at", p.fireAt());
        o.put("fired_at", p.firedAt()).put("seq", p.seq());
        ArrayNode deliveries = o.putArray("deliveries");
        for (DeliveryRepository.PublishDelivery d : r.deliveries()) {
            deliveries.addObject().put("webhook_id", d.delivery().webhookId()).put("url", d.url()).put("delivery_id", d.delivery().id())
                    .put("status", d.delivery().status().wire()).put("attempts", d.delivery().attempts())
                    .put("response_status", d.delivery().responseStatus()).put("last_attempt_at", d.delivery().lastAttemptAt())
                    .put("error", d.delivery().error());
        }
        return o;
    }
}
