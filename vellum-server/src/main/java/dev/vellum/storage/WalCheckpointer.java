package dev.vellum.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * SQLite: copies the write-ahead log back into the database file on a thread of its own, so that the writer does not.
 * <p>
 * By default SQLite checkpoints in the commit that takes the log past 1,000 pages: that commit (the group-commit
 * leader's, with every write of the group waiting on it) copies the log's pages into the database file and syncs both
 * files. Here a {@code PASSIVE} checkpoint (it never blocks the writer or readers) runs on this thread once the log has
 * {@value #PAGES} pages not yet copied, checked every {@value #POLL_MS} ms while writes come in, and copies the rest
 * once they pause. The log is restarted from its beginning by the first write after a checkpoint that copied all of it;
 * under writes that never pause, a checkpoint running beside them never copies all of it, so the writer still
 * checkpoints when the log reaches {@value #WRITER_PAGES} pages: most of them are copied by then, and it restarts the log.
 * <p>
 * Durability is unchanged: a commit is in the log (and survives the process) before it returns, as before; the
 * checkpoint only moves committed pages.
 */
final class WalCheckpointer implements AutoCloseable {
    /** Pages the log grows by before this thread checkpoints it (SQLite's own default threshold). */
    static final int PAGES = 1000;
    /** The writer's own threshold, as a backstop. */
    static final int WRITER_PAGES = 4000;
    static final int POLL_MS = 20;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WalCheckpointer.class);
    private final String url;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean wrote;

    WalCheckpointer(String url) {
        this.url = url;
        this.thread = Thread.ofPlatform().daemon().name("vellum-checkpoint").unstarted(this::run);
        thread.start();
    }

    /** Told after each commit of the writer: there is something to look at. Costs a volatile write. */
    void committed() {
        if (!wrote) wrote = true;
    }

    private void run() {
        Connection c = null;
        boolean behind = false; // frames were left uncopied at the last look
        while (!closed) {
            LockSupport.parkNanos(POLL_MS * 1_000_000L);
            boolean writing = wrote;
            if (!writing && !behind) continue;
            wrote = false;
            try {
                if (c == null) c = DriverManager.getConnection(url);
                try (Statement st = c.createStatement()) {
                    long uncopied = behind(st, "NOOP"); // NOOP: the log's frames and those copied, without copying
                    // while writes come in, a checkpoint per PAGES frames; once they pause, the rest: with the whole log
                    // copied, readers read the database file alone, and the next write starts the log over
                    if (uncopied >= PAGES || !writing && uncopied > 0) uncopied = behind(st, "PASSIVE");
                    behind = uncopied > 0;
                }
            } catch (SQLException e) {
                log.warn("checkpoint failed (the writer checkpoints itself meanwhile): {}", e.getMessage());
                close(c);
                c = null;
                LockSupport.parkNanos(1_000_000_000L);
            }
        }
        close(c);
    }

    /** Runs a checkpoint in {@code mode}; returns the frames of the log not copied to the database after it. */
    private static long behind(Statement st, String mode) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? rs.getLong(2) - rs.getLong(3) : 0;
        }
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a local file connection
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
