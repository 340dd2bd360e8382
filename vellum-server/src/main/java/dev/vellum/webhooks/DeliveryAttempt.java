package dev.vellum.webhooks;

/** What one attempt of a delivery got: kept on the delivery as its latest result. */
public record DeliveryAttempt(String deliveryId, String at, Integer responseStatus, String responseBody, long durationMs,
                              String error) {

    static DeliveryAttempt of(String deliveryId, String at, DeliveryOutcome outcome) {
        return switch (outcome) {
            case DeliveryOutcome.Delivered d -> new DeliveryAttempt(deliveryId, at, d.status(), d.body(), d.durationMs(), null);
            case DeliveryOutcome.Rejected r -> new DeliveryAttempt(deliveryId, at, r.status(), r.body(), r.durationMs(),
                    "endpoint answered " + r.status());
            case DeliveryOutcome.Unreachable u -> new DeliveryAttempt(deliveryId, at, null, null, u.durationMs(), u.error());
            case DeliveryOutcome.Refused f -> new DeliveryAttempt(deliveryId, at, null, null, 0, f.reason());
        };
    }
}
