package dev.vellum.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try an idempotent request again after a 429, a 5xx or a connection failure, and how long
 * to wait first: exponential backoff from {@code initialDelay}, doubled per attempt, capped at
 * {@code maxDelay}, with jitter (a random half of it), so many clients do not retry in step. A
 * {@code Retry-After} from the server is honoured: the wait is at least what it asks for (plus a
 * little jitter). When the server asks for longer than {@code maxDelay}, the client gives up at once
 * rather than wait longer than allowed: the caller gets the error with the server's {@code retryAfter}.
 *
 * @param maxAttempts  attempts in all, the first included (1: never retry)
 * @param initialDelay the backoff before the first retry (before jitter)
 * @param maxDelay     the longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) throw new IllegalArgumentException("delays cannot be negative");
        if (initialDelay.compareTo(maxDelay) > 0) initialDelay = maxDelay;
    }

    /** A policy that never retries. */
    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay);
    }

    public RetryPolicy withMaxDelay(Duration delay) {
        return new RetryPolicy(maxAttempts, initialDelay, delay);
    }

    public RetryPolicy withInitialDelay(Duration delay) {
        return new RetryPolicy(maxAttempts, delay, maxDelay);
    }

    /**
     * The wait before trying again after attempt {@code attempt} (1-based) failed, or empty to give up.
     *
     * @param retryAfter what the server asked for, if it did
     * @param random     a number in [0, 1) that picks the jitter
     */
    public Optional<Duration> delayAfter(int attempt, Optional<Duration> retryAfter, double random) {
        if (attempt >= maxAttempts) return Optional.empty();
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            if (asked.compareTo(maxDelay) > 0) return Optional.empty();
            Duration jittered = asked.plus(fraction(initialDelay, random));
            return Optional.of(jittered.compareTo(maxDelay) > 0 ? maxDelay : jittered);
        }
        Duration backoff = backoff(attempt);
        Duration half = backoff.dividedBy(2);
        return Optional.of(half.plus(fraction(backoff.minus(half), random)));
    }

    /** {@code initialDelay × 2^(attempt-1)}, capped at {@code maxDelay}. */
    private Duration backoff(int attempt) {
        Duration d = initialDelay;
        for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private static Duration fraction(Duration d, double random) {
        return Duration.ofNanos((long) (d.toNanos() * Math.min(Math.max(random, 0), 1)));
    }
}
