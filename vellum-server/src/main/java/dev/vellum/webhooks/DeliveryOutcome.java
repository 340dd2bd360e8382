package dev.vellum.webhooks;

import java.time.Duration;

/** How one delivery attempt ended. */
public sealed interface DeliveryOutcome {
    long durationMs();

    /** A 2xx answer: done. */
    record Delivered(int status, String body, long durationMs) implements DeliveryOutcome {}

    /** Any other answer; {@code retryAfter} from a Retry-After header, or null. 410 Gone disables the webhook. */
    record Rejected(int status, String body, Duration retryAfter, long durationMs) implements DeliveryOutcome {}

    /** No answer: refused connection, timeout, TLS or I/O failure. */
    record Unreachable(String error, long durationMs) implements DeliveryOutcome {}

    /** Not attempted: the destination is not allowed by the outbound policy. Disables the webhook. */
    record Refused(String reason) implements DeliveryOutcome {
        @Override
        public long durationMs() {
            return 0;
        }
    }
}
