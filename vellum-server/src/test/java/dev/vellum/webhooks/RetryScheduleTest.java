package dev.vellum.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));
    private final Instant first = Instant.parse("2026-11-21T10:00:00Z");

    private Duration delay(int attempts, double random, Duration retryAfter) {
        Instant now = first.plusSeconds(60);
        return Duration.between(now, schedule.next(attempts, first, now, retryAfter, () -> random).orElseThrow());
    }

    @Test
    void delaysDoubleWithJitterUpToTheCap() {
        assertThat(delay(1, 0.5, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delay(2, 0.5, null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(delay(5, 0.5, null)).isEqualTo(Duration.ofSeconds(160));
        assertThat(delay(1, 0.0, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(delay(1, 1.0, null)).isEqualTo(Duration.ofSeconds(12));
        assertThat(delay(30, 0.5, null)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retryAfterIsNeverUndercutButIsCapped() {
        assertThat(delay(1, 0.5, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
        assertThat(delay(5, 0.5, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(160));
        assertThat(delay(1, 0.5, Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLastRetryIsAtTheDeadlineThenItGivesUp() {
        Instant late = first.plus(Duration.ofHours(23).plusMinutes(50));
        assertThat(schedule.next(20, first, late, null, () -> 0.5)).contains(first.plus(Duration.ofHours(24)));
        assertThat(schedule.next(21, first, first.plus(Duration.ofHours(24)), null, () -> 0.5)).isEqualTo(Optional.empty());
    }
}
