package dev.vellum.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The statement timeout on SQLite. The driver's {@code setQueryTimeout} only sets the busy timeout
 * (how long to wait for a lock), so a long-running read would never stop. Instead SQLite calls this
 * progress handler every {@link #OPCODES} virtual-machine steps, and a non-zero answer interrupts the
 * statement with SQLITE_INTERRUPT, which {@link SqlErrors} turns into 503 {@code query_timeout}.
 */
final class SqliteStatementTimeout extends ProgressHandler {
    private static final int OPCODES = 10_000;

    private final long timeoutNanos;
    private volatile long deadline;

    private SqliteStatementTimeout(long timeoutMs) {
        this.timeoutNanos = timeoutMs * 1_000_000;
        restart();
    }

    /** Installs a timeout on {@code c} (a pooled connection wrapping an SQLite one) until {@link #remove}. */
    static SqliteStatementTimeout install(Connection c, long timeoutMs) throws SQLException {
        SqliteStatementTimeout t = new SqliteStatementTimeout(timeoutMs);
        ProgressHandler.setHandler(c.unwrap(SQLiteConnection.class), OPCODES, t);
        return t;
    }

    static void remove(Connection c) throws SQLException {
        ProgressHandler.clearHandler(c.unwrap(SQLiteConnection.class));
    }

    /** Starts the clock for the next statement. */
    void restart() {
        deadline = System.nanoTime() + timeoutNanos;
    }

    @Override
    protected int progress() {
        return System.nanoTime() - deadline > 0 ? 1 : 0;
    }
}
