package dev.vellum.webhooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeJson;

/** Delivery bodies: the change as {@code GET …/changes} shows it, with the project it belongs to. */
final class Payloads {
    static final String TEST_EVENT = "webhook.test";

    private Payloads() {}

    static String change(String projectId, Change c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("project", projectId);
        o.setAll(ChangeJson.render(c));
        return o.toString();
    }

    static String test(String projectId, String webhookId, String at) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("project", projectId).put("kind", TEST_EVENT).put("at", at);
        o.putObject("data").put("webhook_id", webhookId).put("message", "This is a test event from Vellum.");
        return o.toString();
    }
}
