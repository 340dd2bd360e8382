package dev.vellum.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How an inbound hook's sender signs: both schemes are {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}
 * with a five-minute tolerance; they differ in the header and in where the event id is.
 */
public enum SignatureScheme {
    /** Vellum's own, as outbound deliveries carry it; the event id is the Vellum-Delivery-Id header. */
    VELLUM("Vellum-Signature"),
    /** Stripe's webhook signature; the event id is the payload's {@code id} (evt_…). */
    STRIPE("Stripe-Signature");

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String header;

    SignatureScheme(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<SignatureScheme> parse(String s) {
        for (SignatureScheme v : values()) if (v.wire().equals(s)) return Optional.of(v);
        return Optional.empty();
    }

    /** The id that makes a replay recognisable: Idempotency-Key when sent, else the scheme's own; null when none. */
    String eventId(Map<String, String> headers, JsonNode payload) {
        String key = headers.get("Idempotency-Key");
        if (key != null && !key.isBlank()) return key.strip();
        return switch (this) {
            case VELLUM -> headers.get("Vellum-Delivery-Id");
            case STRIPE -> payload.path("id").isTextual() ? payload.get("id").textValue() : null;
        };
    }
}
