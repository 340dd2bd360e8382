package dev.vellum.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.json.JsonInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A webhook as a client sends it, for create (url and events required) or PATCH (only keys present
 * change; {@code "collections": null} means every collection again). Problems are reported together.
 */
record WebhookSpec(String url, List<String> events, List<String> collections, boolean collectionsSet, String description,
                   boolean descriptionSet, String secret, Webhook.Status status) {
    private static final Set<String> KEYS = Set.of("url", "events", "collections", "description", "secret", "status");
    static final int MIN_SECRET = 16;

    static WebhookSpec parse(JsonNode body, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) throw invalid(List.of(new FieldError("body", "type_mismatch", "must be a JSON object")));
        JsonInput in = new JsonInput(body, errors).only(KEYS, "webhooks");
        String url = in.text("url");
        if (url != null) checkUrl(url, errors);
        else if (creating) errors.add(new FieldError("url", "required", "the URL to deliver to is required"));
        List<String> events = in.strings("events");
        if (events != null) {
            if (events.isEmpty()) errors.add(new FieldError("events", "required", "subscribe to at least one event"));
            for (String e : events) {
                if (!EventFilter.valid(e)) {
                    errors.add(new FieldError("events", "unknown_event", "'" + e + "' is not an event: use entry.created|updated|deleted,"
                            + " collection.created|updated|deleted, site.published, a family such as entry.*, or *"));
                }
            }
        } else if (creating) {
            errors.add(new FieldError("events", "required", "events is a list such as [\"entry.*\", \"site.published\"]"));
        }
        List<String> collections = in.strings("collections");
        String description = in.text("description");
        String secret = in.text("secret");
        if (secret != null && secret.length() < MIN_SECRET) {
            errors.add(new FieldError("secret", "too_short", "a signing secret has at least " + MIN_SECRET + " characters"));
        }
        Webhook.Status status = null;
        String s = in.text("status");
        if (s != null) {
            if (creating || !(s.equals("active") || s.equals("disabled"))) {
                errors.add(new FieldError("status", "invalid_option", creating ? "a new webhook is active; PATCH status to disable it"
                        : "status is active or disabled"));
            } else {
                status = Webhook.Status.parse(s);
            }
        }
        if (!errors.isEmpty()) throw invalid(errors);
        return new WebhookSpec(url, events, collections == null ? List.of() : collections, body.has("collections"), description,
                body.has("description"), secret, status);
    }

    private static void checkUrl(String url, List<FieldError> errors) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || u.getHost() == null) {
                errors.add(new FieldError("url", "invalid_url", "must be an absolute http or https URL"));
            } else if (u.getUserInfo() != null) {
                errors.add(new FieldError("url", "invalid_url", "must not carry credentials; the signature authenticates deliveries"));
            } else if (url.length() > 2000) {
                errors.add(new FieldError("url", "too_long", "at most 2000 characters"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "invalid_url", "not a URL: " + e.getReason()));
        }
    }

    static VellumException invalid(List<FieldError> errors) {
        return new VellumException.Invalid("invalid_webhook", "The webhook is not valid", errors);
    }
}
