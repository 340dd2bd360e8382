package dev.vellum.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.config.VellumConfig;
import dev.vellum.error.VellumException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import javax.sql.DataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pools and the transaction boundary. SQLite has one write path (a pool of one
 * connection, BEGIN IMMEDIATE) and a pool of readers (WAL); PostgreSQL has one pool for both.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final int statementTimeoutMs;
    private final StatementCache statements;
    /** SQLite: checkpoints the write-ahead log off the writer's thread (null: the writer does, or PostgreSQL). */
    private final WalCheckpointer checkpointer;
    private final java.util.Map<String, Long> statisticsRefreshed = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long STATISTICS_INTERVAL_NANOS = 5_000_000_000L;

    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, int statementTimeoutMs,
                     WalCheckpointer checkpointer) {
        this.dialect = dialect;
        this.checkpointer = checkpointer;
        this.writer = writer;
        this.reader = reader;
        this.statementTimeoutMs = statementTimeoutMs;
        this.statements = dialect == Dialect.SQLITE ? new StatementCache() : null;
    }

    public static Database open(VellumConfig config) {
        return open(config, null);
    }

    /** @param meters where the pools report their metrics (connections in use, waits), or null */
    public static Database open(VellumConfig config, MeterRegistry meters) {
        int timeout = Math.max(0, config.statementTimeoutMs());
        if (config.usesPostgres()) {
            HikariConfig hc = pool("vellum-pg", config.databasePoolSize(), meters);
            hc.setJdbcUrl(config.databaseUrl().orElseThrow());
            // the read timeout is the session default, so reads pay no extra round trip; writes lift it (see write)
            if (timeout > 0) hc.setConnectionInitSql("SET statement_timeout = " + timeout);
            HikariDataSource ds = new HikariDataSource(hc);
            return new Database(Dialect.POSTGRES, ds, ds, timeout, null);
        }
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dir.resolve("vellum.db").toAbsolutePath();
        HikariConfig w = pool("vellum-sqlite-writer", 1, meters);
        // the log is copied back to the database file by a thread of its own (WalCheckpointer), not in the writer's commits
        w.setDataSource(sqlite(url, false, 16_000, WalCheckpointer.WRITER_PAGES));
        w.setMaxLifetime(0); // local file connections need no recycling, and keep their statement cache
        HikariDataSource writer = new HikariDataSource(w);
        HikariConfig r = pool("vellum-sqlite-reader", Math.max(2, config.databasePoolSize()), meters);
        r.setDataSource(sqlite(url, true, 4_000, 0));
        r.setMaxLifetime(0);
        r.setReadOnly(true); // must match the SQLite open flag: the driver refuses to change it later
        return new Database(Dialect.SQLITE, writer, new HikariDataSource(r), timeout, new WalCheckpointer(url));
    }

    private static HikariConfig pool(String name, int size, MeterRegistry meters) {
        HikariConfig hc = new HikariConfig();
        if (meters != null) hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        hc.setPoolName(name);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(size, 2));
        hc.setConnectionTimeout(30_000);
        hc.setAutoCommit(true);
        return hc;
    }

    /**
     * @param cacheKb page cache per connection; readers share the OS page cache (and the map), so theirs stays small
     * @param checkpointPages the writer checkpoints in the commit that takes the log past this many pages (0: SQLite's default)
     */
    private static DataSource sqlite(String url, boolean readOnly, int cacheKb, int checkpointPages) {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit survives a crash of the process (kill -9); only a power
        // loss can take the last commits back. VELLUM docs say so.
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.setBusyTimeout(15_000);
        c.enforceForeignKeys(true);
        c.setTempStore(SQLiteConfig.TempStore.MEMORY);
        c.setCacheSize(-cacheKb);
        // reads straight from the OS page cache instead of a read() per page missing from that cache: a count
        // over 100,000 entries drops from ~40 to ~15 ms. Address space only; WAL mode keeps writes safe.
        c.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30));
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // the driver's default answers getGeneratedKeys() by compiling and running "SELECT last_insert_rowid()" after every
        // INSERT (and matching the SQL against a regex first): 11% of the writer's time per single create. Nothing reads them.
        c.setGetGeneratedKeys(false);
        if (readOnly) c.setReadOnly(true);
        if (checkpointPages > 0) c.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(checkpointPages));
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(url);
        return ds;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one write transaction: all of it commits, or none of it. Writes have no statement timeout. */
    public <T> T write(Work<T> work) {
        try (Connection c = writer.getConnection()) {
            if (dialect == Dialect.POSTGRES && statementTimeoutMs > 0) {
                return inTransaction(c, new Tx(c, dialect, null, statements), tx -> {
                    tx.execute("SET LOCAL statement_timeout = 0");
                    return work.run(tx);
                });
            }
            return inTransaction(c, new Tx(c, dialect, null, statements), work);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * Runs {@code work} on a read connection; each statement is cut off after the statement timeout
     * (503 {@code query_timeout}). PostgreSQL: the session's {@code statement_timeout}, enforced by the
     * server. SQLite: a progress handler (see {@link SqliteStatementTimeout}).
     */
    public <T> T read(Work<T> work) {
        try (Connection c = reader.getConnection()) {
            if (statementTimeoutMs == 0 || dialect == Dialect.POSTGRES) return work.run(new Tx(c, dialect, null, statements));
            SqliteStatementTimeout timeout = SqliteStatementTimeout.install(c, statementTimeoutMs);
            try {
                return work.run(new Tx(c, dialect, timeout, statements));
            } finally {
                SqliteStatementTimeout.remove(c);
            }
        } catch (SQLTimeoutException e) {
            throw new VellumException.Unavailable("query_timeout", "The query ran longer than the statement timeout");
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private <T> T inTransaction(Connection c, Tx tx, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(tx);
            tx.flushDeferred();
            c.commit();
            if (checkpointer != null) checkpointer.committed();
            return result;
        } catch (Throwable t) {
            rollbackQuietly(c, t);
            throw t;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Refreshes the query planner's statistics of tables that grew or shrank a lot since they were
     * last analysed: SQLite's {@code PRAGMA optimize} (with its built-in analysis limit, so it stays
     * quick). Without statistics SQLite takes every equality for selective. Run at start and every
     * minute; PostgreSQL's autovacuum does this itself.
     * <p>
     * The shadow tables of virtual tables (FTS5's {@code _data}, {@code _idx}, …) keep no statistics: FTS5 reads
     * them with its own prepared statements, binding a new term or page at each lookup, and where {@code sqlite_stat4}
     * holds samples of a table SQLite plans such a statement again at every bind. That made each FTS5 lookup 2–3 times
     * slower (a sorted phrase search over 100,000 entries: 28 ms instead of 11 of CPU). The statistics are dropped in
     * the transaction that made them, so no connection ever reads them.
     */
    public void refreshStatistics() {
        if (dialect != Dialect.SQLITE) return;
        try (Connection c = writer.getConnection(); java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute("PRAGMA optimize=0x10002"); // 0x10000: check every table, not only those this connection used
                boolean dropped = false;
                for (String stat : List.of("sqlite_stat1", "sqlite_stat4")) {
                    boolean exists;
                    try (ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = '" + stat + "'")) {
                        exists = rs.next();
                    }
                    if (exists) dropped |= st.executeUpdate("DELETE FROM " + stat
                            + " WHERE tbl IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')") > 0;
                }
                c.commit();
                if (dropped) st.execute("ANALYZE sqlite_schema"); // this connection loaded them: it reloads what is left
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * The same after a bulk write to {@code table}, so that a fresh import is queried with fitting plans at
     * once rather than after autovacuum's next round (without statistics PostgreSQL sorted every "live"
     * entry of 100,000 for one page: 40 ms instead of 0.2). PostgreSQL: ANALYZE when the rows changed
     * since the last analysis are at least as many as the table holds (so a growing table is analysed
     * about once per doubling).
     */
    public void refreshStatistics(String table) {
        long now = System.nanoTime();
        Long last = statisticsRefreshed.get(table);
        if (last != null && now - last < STATISTICS_INTERVAL_NANOS) return; // a burst of batches checks once
        statisticsRefreshed.put(table, now);
        if (dialect == Dialect.SQLITE) {
            refreshStatistics();
            return;
        }
        write(tx -> {
            boolean stale = tx.one("""
                    SELECT last_analyze IS NULL AND last_autoanalyze IS NULL OR n_mod_since_analyze >= greatest(500, n_live_tup)
                    FROM pg_stat_user_tables WHERE relname = ?""", rs -> rs.getBoolean(1), table).orElse(false);
            if (stale) tx.execute("ANALYZE " + table); // table: e_<pk>, never user text
            return null;
        });
    }

    public boolean isHealthy() {
        try {
            return read(tx -> tx.count("SELECT 1") == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (statements != null) statements.clear();
        if (checkpointer != null) checkpointer.close();
        writer.close();
        if (reader != writer) reader.close();
    }
}
