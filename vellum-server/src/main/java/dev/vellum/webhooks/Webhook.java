package dev.vellum.webhooks;

import java.util.List;

/**
 * An outbound webhook: where to send which events of one project. {@code collections} empty means
 * every collection (the filter applies to entry and collection events, not to site.published).
 * {@code sealedSecret} is the signing secret encrypted at rest; it is never rendered.
 * {@code cursor} is the last change seq already turned into deliveries.
 */
public record Webhook(String id, String projectId, String url, EventFilter events, List<String> collections, String description,
                      String sealedSecret, Status status, String statusReason, String statusChangedAt, long cursor,
                      String createdAt, String updatedAt) {

    public enum Status {
        ACTIVE, DISABLED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Webhook {
        collections = List.copyOf(collections);
    }

    /** Whether a change of {@code kind} in {@code collection} goes to this webhook. */
    public boolean wants(String kind, String collection) {
        if (!events.matches(kind)) return false;
        return collections.isEmpty() || collection == null || kind.startsWith("site.") || collections.contains(collection);
    }
}
