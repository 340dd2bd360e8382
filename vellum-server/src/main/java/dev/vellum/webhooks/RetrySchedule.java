package dev.vellum.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code base × 2^(attempts−1)}, capped at {@code max}, with
 * ±20% jitter so that endpoints coming back are not hit by every sender at once; the last retry is
 * at {@code maxAge} after the first attempt, and then the delivery gives up. Never sooner than the
 * endpoint's Retry-After (itself capped at {@code max}).
 */
public record RetrySchedule(Duration base, Duration max, Duration maxAge) {

    /**
     * @param attempts attempts made so far (≥ 1)
     * @return the time of the next attempt, or empty when the delivery has been failing for {@code maxAge}
     */
    public Optional<Instant> next(int attempts, Instant firstAttempt, Instant now, Duration retryAfter, DoubleSupplier random) {
        Instant deadline = firstAttempt.plus(maxAge);
        if (!now.isBefore(deadline)) return Optional.empty();
        double exponential = base.toMillis() * Math.pow(2, Math.min(attempts - 1, 40));
        double capped = Math.min(exponential, max.toMillis());
        Instant next = now.plusMillis(Math.round(capped * (0.8 + 0.4 * random.getAsDouble())));
        if (next.isAfter(deadline)) next = deadline;
        if (retryAfter != null) {
            Instant asked = now.plus(retryAfter.compareTo(max) > 0 ? max : retryAfter);
            if (asked.isAfter(next)) next = asked;
        }
        return Optional.of(next);
    }
}
