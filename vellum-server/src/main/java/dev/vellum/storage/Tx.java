package dev.vellum.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One open transaction (or read) on one connection. Every statement is parameterised. */
public final class Tx {
    private final Connection connection;
    private final Dialect dialect;
    private final SqliteStatementTimeout timeout;
    private final StatementCache cache;
    private int savepoints;
    /** Writes put off to the end of the transaction ({@link #defer}), in the order they were asked for: {deferral, op}. */
    private final List<Object[]> deferred = new ArrayList<>();

    /**
     * @param timeout restarted before each statement (SQLite reads); null where the server keeps the timeout
     * @param cache prepared statements kept per connection (SQLite); null to prepare and close each time
     */
    Tx(Connection connection, Dialect dialect, SqliteStatementTimeout timeout, StatementCache cache) {
        this.connection = connection;
        this.dialect = dialect;
        this.timeout = timeout;
        this.cache = cache;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public Dialect dialect() { return dialect; }

    /**
     * Writes that a transaction's statements may put off until its end, where all of them run together (the
     * full-text index: FTS5 writes what it holds in memory at every savepoint, so an index row written inside each of
     * a group commit's savepoints becomes a segment of its own; written at the end, the group's rows become one).
     */
    @FunctionalInterface
    public interface Deferral<O> {
        /** Runs the ops deferred to it, in the order they were deferred. */
        void flush(Tx tx, List<O> ops) throws SQLException;
    }

    /**
     * Puts {@code op} off until the end of the transaction: it runs just before the commit ({@link #flushDeferred}),
     * outside any savepoint. An op deferred inside a savepoint that is rolled back is dropped with it.
     */
    public <O> void defer(Deferral<O> deferral, O op) {
        deferred.add(new Object[] {deferral, op});
    }

    /** Runs the deferred ops, each deferral once with its ops in order; called by the transaction before it commits. */
    @SuppressWarnings("unchecked")
    public void flushDeferred() throws SQLException {
        if (savepoints > 0) throw new IllegalStateException("deferred writes run outside savepoints");
        while (!deferred.isEmpty()) { // a flush may defer more
            java.util.Map<Deferral<Object>, List<Object>> byDeferral = new java.util.LinkedHashMap<>();
            for (Object[] d : deferred) byDeferral.computeIfAbsent((Deferral<Object>) d[0], k -> new ArrayList<>()).add(d[1]);
            deferred.clear();
            for (var e : byDeferral.entrySet()) e.getKey().flush(this, e.getValue());
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql, params);
        try (ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            release(ps);
            return out;
        } catch (SQLException | RuntimeException e) {
            discard(ps, e);
            throw e;
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, List<?> params) throws SQLException {
        return list(sql, mapper, params.toArray());
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql, params);
        try (ResultSet rs = ps.executeQuery()) {
            Optional<T> out = rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            release(ps);
            return out;
        } catch (SQLException | RuntimeException e) {
            discard(ps, e);
            throw e;
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql, params);
        try {
            int n = ps.executeUpdate();
            release(ps);
            return n;
        } catch (SQLException | RuntimeException e) {
            discard(ps, e);
            throw e;
        }
    }

    public int update(String sql, List<?> params) throws SQLException {
        return update(sql, params.toArray());
    }

    /**
     * Runs the same statement once per parameter row, as one JDBC batch (on SQLite the prepared statement is
     * the connection's cached one, so a bulk write compiles its SQL once per connection, not once per call).
     *
     * @return the rows each parameter row changed, in order
     */
    public int[] batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return new int[0];
        if (rows.size() == 1) return new int[] {update(sql, rows.getFirst())}; // the driver's batch machinery costs more than one row
        PreparedStatement ps = cache != null ? cache.get(connection, sql) : connection.prepareStatement(sql);
        try {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            release(ps);
            return counts;
        } catch (SQLException | RuntimeException e) {
            discard(ps, e);
            throw e;
        }
    }

    /** DDL or other statements without parameters (identifiers are generated, never user text). */
    public void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Runs {@code work} so that, if it fails, only its own writes are undone. On PostgreSQL a failed
     * statement poisons the whole transaction, so this takes a savepoint. On SQLite a failed statement
     * undoes only itself; callers whose work writes one row (a batch item) need no savepoint there.
     */
    public <T> T isolated(Database.Work<T> work) throws SQLException {
        return dialect == Dialect.POSTGRES ? savepoint(work) : work.run(this);
    }

    /**
     * Runs {@code work} inside a savepoint; on failure only its own writes are rolled back. A savepoint is named after
     * its depth (a nested one is always released before its parent), so a group commit's hundred savepoints are the
     * same three statements, prepared once per connection on SQLite.
     */
    public <T> T savepoint(Database.Work<T> work) throws SQLException {
        String name = "sp" + (++savepoints);
        int deferredBefore = deferred.size();
        try {
            control("SAVEPOINT " + name);
            try {
                T result = work.run(this);
                control("RELEASE SAVEPOINT " + name);
                return result;
            } catch (SQLException | RuntimeException e) {
                control("ROLLBACK TO SAVEPOINT " + name);
                control("RELEASE SAVEPOINT " + name);
                deferred.subList(deferredBefore, deferred.size()).clear(); // what it deferred is undone with it
                throw e;
            }
        } finally {
            savepoints--;
        }
    }

    /** A transaction-control statement: a cached prepared statement on SQLite, a plain one elsewhere. */
    private void control(String sql) throws SQLException {
        if (cache == null) {
            execute(sql);
        } else {
            update(sql);
        }
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement ps = cache != null ? cache.get(connection, sql) : connection.prepareStatement(sql);
        try {
            if (timeout != null) timeout.restart();
            bind(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            discard(ps, e);
            throw e;
        }
    }

    /** After a successful use: a cached statement stays open for the next use; others are closed. */
    private void release(PreparedStatement ps) throws SQLException {
        if (cache == null) ps.close();
        else ps.clearParameters();
    }

    /**
     * After a failure (an interrupted or failed statement): the statement is closed and forgotten, and
     * whatever closing it raises is attached to {@code cause}, which is what the caller sees.
     */
    private void discard(PreparedStatement ps, Exception cause) {
        if (cache != null) cache.forget(connection, ps);
        try {
            ps.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            switch (p) {
                case null -> ps.setNull(index, Types.NULL);
                case String s -> ps.setString(index, s);
                case Long l -> ps.setLong(index, l);
                case Integer n -> ps.setLong(index, n);
                case Double d -> ps.setDouble(index, d);
                case Boolean b -> {
                    if (dialect == Dialect.SQLITE) ps.setInt(index, b ? 1 : 0);
                    else ps.setBoolean(index, b);
                }
                default -> throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
            }
        }
    }
}
