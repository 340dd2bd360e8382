package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wait before each retry, and reading Retry-After. */
class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void backoffDoublesPerAttemptWithJitterInItsUpperHalf() {
        assertThat(POLICY.delayAfter(1, Optional.empty(), 0.0)).contains(Duration.ofMillis(50));
        assertThat(POLICY.delayAfter(1, Optional.empty(), 0.999).orElseThrow()).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(POLICY.delayAfter(2, Optional.empty(), 0.0)).contains(Duration.ofMillis(100));
        assertThat(POLICY.delayAfter(3, Optional.empty(), 0.0)).contains(Duration.ofMillis(200));
        assertThat(POLICY.delayAfter(4, Optional.empty(), 0.5)).contains(Duration.ofMillis(600));
    }

    @Test
    void backoffIsCappedAtTheMaxDelay() {
        assertThat(POLICY.delayAfter(5, Optional.empty(), 0.999).orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(new RetryPolicy(100, Duration.ofMillis(100), Duration.ofSeconds(1)).delayAfter(99, Optional.empty(), 0.999).orElseThrow())
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.999})
    void aRetryAfterIsWaitedAtLeast(double random) {
        assertThat(POLICY.delayAfter(1, Optional.of(Duration.ofMillis(700)), random).orElseThrow())
                .isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.delayAfter(1, Optional.of(Duration.ofSeconds(1)), random)).contains(Duration.ofSeconds(1));
    }

    @Test
    void givesUpWhenTheServerAsksLongerThanTheMaxDelay() {
        assertThat(POLICY.delayAfter(1, Optional.of(Duration.ofMillis(1001)), 0.0)).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(POLICY.delayAfter(5, Optional.empty(), 0.0)).isPresent();
        assertThat(POLICY.delayAfter(6, Optional.empty(), 0.0)).isEmpty();
        assertThat(RetryPolicy.never().delayAfter(1, Optional.empty(), 0.0)).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(RetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Fri, 01 May 2026 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse("Fri, 01 May 2026 09:00:00 GMT", NOW)).as("a past date: now").contains(Duration.ZERO);
    }

    @Test
    void ignoresARetryAfterItCannotRead() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
    }
}
