package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.webhooks.WebhookService;
import io.javalin.config.RoutesConfig;

/** /v1/projects/{p}/webhooks: outbound webhooks and their delivery log (admin scope). */
final class WebhookRoutes {
    private WebhookRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/webhooks";
        WebhookService webhooks = s.webhooks();
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            WebhookService.Created created = webhooks.create(p, Json.body(ctx, s.config().maxBodyBytes()));
            ctx.header("Location", "/v1/projects/" + p + "/webhooks/" + created.webhook().id());
            Json.write(ctx, 201, WebhookJson.webhook(created.webhook()).put("secret", created.secret()));
        });
        routes.get(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            webhooks.list(p).forEach(w -> data.add(WebhookJson.webhook(w)));
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}", ctx -> Json.write(ctx, 200,
                WebhookJson.webhook(webhooks.get(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id")))));
        routes.patch(base + "/{id}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            Json.write(ctx, 200, WebhookJson.webhook(webhooks.update(p, ctx.pathParam("id"), Json.body(ctx, s.config().maxBodyBytes()))));
        });
        routes.delete(base + "/{id}", ctx -> {
            webhooks.delete(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(base + "/{id}/deliveries", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            WebhookService.DeliveryPage page = webhooks.deliveries(p, ctx.pathParam("id"), ctx.queryParam("status"),
                    Calls.limit(ctx, 50), ctx.queryParam("cursor"));
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            page.data().forEach(d -> data.add(WebhookJson.delivery(d)));
            out.put("next_cursor", page.nextCursor());
            Json.write(ctx, 200, out);
        });
        routes.get(base + "/{id}/deliveries/{did}", ctx -> Json.write(ctx, 200, WebhookJson.delivery(
                webhooks.delivery(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"), ctx.pathParam("did")))));
        routes.post(base + "/{id}/deliveries/{did}/resend", ctx -> Json.write(ctx, 202, WebhookJson.delivery(
                webhooks.resend(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id"), ctx.pathParam("did")))));
        routes.post(base + "/{id}/test", ctx -> Json.write(ctx, 200, WebhookJson.delivery(
                webhooks.test(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("id")))));
    }
}
