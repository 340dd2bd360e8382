package dev.vellum.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.config.VellumConfig;
import dev.vellum.error.VellumException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import javax.sql.DataSource;
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
    private final int queryTimeoutSeconds;
    private final StatementCache statements;

    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, int queryTimeoutSeconds) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.statements = dialect == Dialect.SQLITE ? new StatementCache() : null;
    }

    public static Database open(VellumConfig config) {
        return open(config, null);
    }

    /** @param meters where the pools report their metrics (connections in use, waits), or null */
    public static Database open(VellumConfig config, io.micrometer.core.instrument.MeterRegistry meters) {
        int timeout = Math.max(1, (config.statementTimeoutMs() + 999) / 1000);
        if (config.usesPostgres()) {
            HikariConfig hc = pool("vellum-pg", config.databasePoolSize(), meters);
            hc.setJdbcUrl(config.databaseUrl().orElseThrow());
            HikariDataSource ds = new HikariDataSource(hc);
            return new Database(Dialect.POSTGRES, ds, ds, timeout);
        }
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dir.resolve("vellum.db").toAbsolutePath();
        HikariConfig w = pool("vellum-sqlite-writer", 1, meters);
        w.setDataSource(sqlite(url, false, 16_000));
        w.setMaxLifetime(0); // local file connections need no recycling, and keep their statement cache
        HikariDataSource writer = new HikariDataSource(w);
        HikariConfig r = pool("vellum-sqlite-reader", Math.max(2, config.databasePoolSize()), meters);
        r.setDataSource(sqlite(url, true, 4_000));
        r.setMaxLifetime(0);
        r.setReadOnly(true); // must match the SQLite open flag: the driver refuses to change it later
        return new Database(Dialect.SQLITE, writer, new HikariDataSource(r), timeout);
    }

    private static HikariConfig pool(String name, int size, io.micrometer.core.instrument.MeterRegistry meters) {
        HikariConfig hc = new HikariConfig();
        if (meters != null) hc.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(meters));
        hc.setPoolName(name);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(size, 2));
        hc.setConnectionTimeout(30_000);
        hc.setAutoCommit(true);
        return hc;
    }

    /** @param cacheKb page cache per connection; readers share the OS page cache, so theirs stays small */
    private static DataSource sqlite(String url, boolean readOnly, int cacheKb) {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit survives a crash of the process (kill -9); only a power
        // loss can take the last commits back. VELLUM docs say so.
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.setBusyTimeout(15_000);
        c.enforceForeignKeys(true);
        c.setTempStore(SQLiteConfig.TempStore.MEMORY);
        c.setCacheSize(-cacheKb);
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (readOnly) c.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(url);
        return ds;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one write transaction: all of it commits, or none of it. */
    public <T> T write(Work<T> work) {
        return run(writer, work, false);
    }

    /** Runs {@code work} on a read connection; statements are cancelled after the statement timeout. */
    public <T> T read(Work<T> work) {
        return run(reader, work, true);
    }

    private <T> T run(DataSource ds, Work<T> work, boolean readOnly) {
        try (Connection c = ds.getConnection()) {
            if (readOnly) {
                return work.run(new Tx(c, dialect, queryTimeoutSeconds, statements));
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(new Tx(c, dialect, 0, statements));
                c.commit();
                return result;
            } catch (Throwable t) {
                rollbackQuietly(c, t);
                throw t;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLTimeoutException e) {
            throw new VellumException.Unavailable("query_timeout", "The query ran longer than the statement timeout");
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
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
        writer.close();
        if (reader != writer) reader.close();
    }
}
