package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.webhooks.Delivery;
import dev.vellum.webhooks.Webhook;

/** The JSON forms of webhooks and deliveries. The signing secret appears only when it is created. */
final class WebhookJson {
    private WebhookJson() {}

    static ObjectNode webhook(Webhook w) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", w.id()).put("url", w.url());
        ArrayNode events = o.putArray("events");
        w.events().patterns().forEach(events::add);
        if (w.collections().isEmpty()) {
            o.putNull("collections");
        } else {
            ArrayNode c = o.putArray("collections");
            w.collections().forEach(c::add);
        }
        o.put("description", w.description());
        o.put("status", w.status().wire()).put("status_reason", w.statusReason()).put("status_changed_at", w.statusChangedAt());
        o.put("created_at", w.createdAt()).put("updated_at", w.updatedAt());
        return o;
    }

    static ObjectNode delivery(Delivery d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", d.id()).put("webhook_id", d.webhookId()).put("event", d.event());
        if (d.seq() != null) o.put("seq", d.seq());
        o.put("status", d.status().wire()).put("attempts", d.attempts());
        if (d.status() == Delivery.Status.PENDING) o.put("next_attempt_at", d.nextAttemptAt());
        o.put("created_at", d.createdAt()).put("first_attempt_at", d.firstAttemptAt()).put("last_attempt_at", d.lastAttemptAt());
        o.put("response_status", d.responseStatus()).put("response_body", d.responseBody()).put("duration_ms", d.durationMs());
        o.put("error", d.error());
        if (d.resentFrom() != null) o.put("resent_from", d.resentFrom());
        o.put("request_body", d.payload());
        return o;
    }
}
