package dev.vellum.sync;

import java.time.Duration;

/** How often and how long the Directus client retries a transient failure (429, 5xx, network). */
public record Backoff(int attempts, Duration base, Duration max) {
    public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(250), Duration.ofSeconds(8));
    /** Connecting: an admin waits for the answer, so fail fast. */
    public static final Backoff CONNECT = new Backoff(2, Duration.ofMillis(200), Duration.ofSeconds(1));

    /** The wait before retry {@code n} (1-based): base · 2^(n-1), capped, or what Retry-After asked. */
    Duration delay(int n, Duration retryAfter) {
        if (retryAfter != null) return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        long ms = base.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
