package dev.vellum.webhooks;

/**
 * One event on its way to one webhook, with what its last attempt got back. {@code position} orders a
 * webhook's deliveries; {@code seq} is the change it carries (null for test events).
 */
public record Delivery(String id, String webhookId, String projectId, long position, Long seq, String event, String payload,
                       Status status, int attempts, String nextAttemptAt, String firstAttemptAt, String lastAttemptAt,
                       Integer responseStatus, String responseBody, Long durationMs, String error, String resentFrom,
                       String createdAt) {

    public enum Status {
        PENDING, DELIVERED, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A new delivery, not yet attempted. */
    public static Delivery queued(String id, String webhookId, String projectId, long position, Long seq, String event,
                                  String payload, String now, String resentFrom) {
        return new Delivery(id, webhookId, projectId, position, seq, event, payload, Status.PENDING, 0, now, null, null,
                null, null, null, null, resentFrom, now);
    }
}
