package dev.vellum.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.error.VellumException;
import dev.vellum.testing.LocalScenarios;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A read that runs past VELLUM_STATEMENT_TIMEOUT_MS is cut off with 503 query_timeout, on both databases. */
abstract class StatementTimeoutScenarios extends LocalScenarios {
    /** Counts to a billion: minutes of work for either database. */
    private static final String ENDLESS = """
            WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000000000)
            SELECT count(*) FROM r""";

    private Database db;

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_STATEMENT_TIMEOUT_MS", "300");
    }

    @BeforeAll
    void database() {
        db = vellum.services().database();
    }

    @Test
    void aLongReadIsCutOffAfterTheTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> db.read(tx -> tx.count(ENDLESS)))
                .isInstanceOfSatisfying(VellumException.Unavailable.class, e -> assertThat(e.code()).isEqualTo("query_timeout"));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).as("cut off near the 300 ms timeout").isBetween(250L, 5_000L);
    }

    @Test
    void theConnectionServesQuickReadsAfterATimeout() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> db.read(tx -> tx.count(ENDLESS))).isInstanceOf(VellumException.Unavailable.class);
            long answer = db.read(tx -> tx.count("SELECT 41 + 1"));
            assertThat(answer).isEqualTo(42);
        }
    }

    @Test
    void eachStatementHasItsOwnBudget() {
        long readMs = db.read(tx -> {
            long started = System.nanoTime();
            while (System.nanoTime() - started < 900_000_000L) {
                // each statement ~1 ms when the machine is idle: far under the 300 ms budget even on a loaded machine
                tx.count("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 10000) SELECT count(*) FROM r");
            }
            return (System.nanoTime() - started) / 1_000_000;
        });
        assertThat(readMs).as("many short statements in one read, together far past the timeout").isGreaterThan(600);
    }

    @Test
    void writesAreNotCutOff() {
        long n = db.write(tx -> tx.count("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3000000) SELECT count(*) FROM r"));
        assertThat(n).isEqualTo(3_000_000);
    }
}
