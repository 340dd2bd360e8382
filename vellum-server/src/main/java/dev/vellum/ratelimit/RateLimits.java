package dev.vellum.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a token id, or a client IP), from Bucket4j: a bucket holds a minute's
 * allowance and refills continuously. Buckets live in this process: each node enforces the limit
 * on its own (documented), which costs no database round trip per request.
 */
public final class RateLimits {
    private static final int MAX_BUCKETS = 100_000;

    private final Map<String, Keyed> buckets = new ConcurrentHashMap<>();

    private record Keyed(Bucket bucket, long perMinute) {}

    /** The outcome for one request: allowed or not, and what the RateLimit headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
        static final Decision UNLIMITED = new Decision(true, 0, 0, 0, 0);

        public boolean limited() {
            return limit > 0;
        }
    }

    /** Consumes one request from {@code key}'s bucket of {@code perMinute} (0: unlimited). */
    public Decision consume(String key, long perMinute) {
        if (perMinute <= 0) return Decision.UNLIMITED;
        if (buckets.size() > MAX_BUCKETS) buckets.clear(); // bounded under a flood of distinct IPs
        Keyed k = buckets.compute(key, (ignored, old) -> old != null && old.perMinute() == perMinute ? old
                : new Keyed(Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build(), perMinute));
        ConsumptionProbe probe = k.bucket().tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) return new Decision(true, perMinute, probe.getRemainingTokens(), reset, 0);
        return new Decision(false, perMinute, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
