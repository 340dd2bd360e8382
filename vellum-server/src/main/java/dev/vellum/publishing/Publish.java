package dev.vellum.publishing;

/**
 * One publish of a project's site: requests gather while it is {@code pending}; at {@code fireAt}
 * (pushed back by each request, never past {@code deadline}) it {@code fired} site.published, which
 * is change {@code seq} in the log. {@code scheduled}: how many requests came from scheduled publishing.
 */
public record Publish(String id, String projectId, Status status, int requests, int scheduled, String requestedAt,
                      String lastRequestedAt, String fireAt, String deadline, Long seq, String firedAt) {

    public enum Status {
        PENDING, FIRED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
