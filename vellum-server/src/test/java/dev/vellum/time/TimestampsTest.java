package dev.vellum.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void canonicalTimestampsAreExactlyThoseThatFormattingGivesBack() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String s = Timestamps.format(Instant.ofEpochMilli(r.nextLong(-62_000_000_000_000L, 250_000_000_000_000L)));
            assertThat(Timestamps.isCanonical(s)).as(s).isTrue();
            assertThat(Timestamps.format(Timestamps.parse(s))).isEqualTo(s);
        }
        for (String s : List.of("2026-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-01-00T10:00:00.000Z",
                "2026-01-01T24:00:00.000Z", "2026-01-01T10:60:00.000Z", "2026-01-01T10:00:60.000Z", "2026-01-01T10:00:00Z",
                "2026-01-01T10:00:00.000+01:00", "2026-01-01 10:00:00.000Z", "2026-01-01T10:00:00.00aZ", "+2026-01-01T10:00:00.000Z")) {
            assertThat(Timestamps.isCanonical(s)).as(s).isFalse();
        }
        assertThat(Timestamps.isCanonical("2024-02-29T23:59:59.999Z")).isTrue();
    }
}
