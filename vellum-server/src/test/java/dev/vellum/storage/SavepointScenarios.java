package dev.vellum.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testing.LocalScenarios;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Savepoints are named by their depth (so a group commit reuses three prepared statements): one that fails undoes
 * only its own writes, at any depth, and a name freed by a released savepoint serves the next one, on both databases.
 */
abstract class SavepointScenarios extends LocalScenarios {
    private Database db;

    @BeforeAll
    void table() {
        db = vellum.services().database();
        db.write(tx -> {
            tx.execute("CREATE TABLE savepoint_probe (n INTEGER PRIMARY KEY)");
            return null;
        });
    }

    private static void insert(Tx tx, long n) throws SQLException {
        tx.update("INSERT INTO savepoint_probe (n) VALUES (?)", n);
    }

    @Test
    void aFailingSavepointUndoesOnlyItsOwnWritesAtEveryDepth() {
        db.write(tx -> {
            for (int round = 0; round < 3; round++) { // the same names, used again once released
                long base = 100L * (round + 1);
                tx.savepoint(t -> {
                    insert(t, base + 1);
                    assertThatThrownBy(() -> t.savepoint(inner -> {
                        insert(inner, base + 2);
                        insert(inner, base + 1); // a duplicate key: this savepoint fails
                        return null;
                    })).isInstanceOf(SQLException.class);
                    t.savepoint(inner -> {
                        insert(inner, base + 3);
                        return null;
                    });
                    return null;
                });
                assertThatThrownBy(() -> tx.savepoint(t -> {
                    insert(t, base + 4);
                    t.savepoint(inner -> {
                        insert(inner, base + 5);
                        return null;
                    });
                    throw new IllegalStateException("the outer savepoint fails after its inner one was released");
                })).isInstanceOf(IllegalStateException.class);
            }
            return null;
        });
        List<Long> stored = db.read(tx -> tx.list("SELECT n FROM savepoint_probe WHERE n >= 100 ORDER BY n", rs -> rs.getLong(1)));
        assertThat(stored).containsExactly(101L, 103L, 201L, 203L, 301L, 303L);
    }

    @Test
    void deferredWritesRunAtTheEndInOrderAndGoWithASavepointThatFails() { // rows 90–99: the test above reads from 100
        List<String> ran = new java.util.ArrayList<>();
        Tx.Deferral<String> note = (tx, ops) -> {
            ran.add("flush " + String.join(",", ops));
            for (String op : ops) insert(tx, Long.parseLong(op));
        };
        db.write(tx -> {
            tx.defer(note, "91");
            tx.savepoint(t -> {
                t.defer(note, "92");
                assertThatThrownBy(() -> t.savepoint(inner -> {
                    inner.defer(note, "93");
                    throw new IllegalStateException("fails after deferring");
                })).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(t::flushDeferred).as("deferred writes never run inside a savepoint")
                        .isInstanceOf(IllegalStateException.class);
                return null;
            });
            tx.defer(note, "94");
            assertThat(ran).as("nothing ran before the end of the transaction").isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("flush 91,92,94");
        List<Long> rows = db.read(tx -> tx.list("SELECT n FROM savepoint_probe WHERE n BETWEEN 90 AND 99 ORDER BY n", rs -> rs.getLong(1)));
        assertThat(rows).containsExactly(91L, 92L, 94L);
        ran.clear();
        assertThatThrownBy(() -> db.write(tx -> {
            tx.defer(note, "95");
            throw new IllegalStateException("the transaction fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ran).as("a transaction that fails runs none of its deferred writes").isEmpty();
    }
}
