package dev.vellum.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Backend;
import dev.vellum.testing.LocalScenarios;
import dev.vellum.testing.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SQLite's write-ahead log is copied back into the database file by the checkpoint thread: after writes that grow the
 * log well past its threshold (but short of the writer's own, higher one), the whole log is copied once they pause,
 * without any further write, and what was written reads back.
 */
class SqliteWalCheckpointTest extends LocalScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }

    @Test
    void theCheckpointThreadCopiesTheLogBackWithoutTheWriter() {
        Database db = vellum.services().database();
        db.write(tx -> {
            tx.execute("CREATE TABLE checkpoint_probe (n INTEGER PRIMARY KEY, filler BLOB)");
            return null;
        });
        // about 3,000 pages of 4 KiB in 30 commits: three times the thread's threshold, well under the writer's
        for (int round = 0; round < 30; round++) {
            long base = round * 100L;
            db.write(tx -> {
                for (long n = base; n < base + 100; n++) tx.update("INSERT INTO checkpoint_probe (n, filler) VALUES (?, randomblob(4000))", n);
                return null;
            });
        }
        assertThat(3_000).isLessThan(WalCheckpointer.WRITER_PAGES).isGreaterThan(2 * WalCheckpointer.PAGES);
        // once the writes pause, all of it: readers then read the database file alone, and the next write starts the log over
        Wait.until("the whole log copied back", Duration.ofSeconds(10), () -> behind(db) == 0);
        long rows = db.read(tx -> tx.count("SELECT COUNT(*) FROM checkpoint_probe"));
        assertThat(rows).isEqualTo(3_000);
    }

    /** Frames of the log not yet in the database file (NOOP: reports without copying). */
    private static long behind(Database db) {
        return db.read(tx -> tx.one("PRAGMA wal_checkpoint(NOOP)", rs -> rs.getLong(2) - rs.getLong(3)).orElseThrow());
    }
}
