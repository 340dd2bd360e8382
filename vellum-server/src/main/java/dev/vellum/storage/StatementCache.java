package dev.vellum.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per physical SQLite connection, so a hot query is compiled once per
 * connection instead of once per request. SQLite re-prepares by itself after a schema change.
 * (PostgreSQL's driver caches server-side plans on its own; cached client statements there would
 * break after DDL, so it does not use this.) A connection is used by one thread at a time.
 */
final class StatementCache {
    private static final int PER_CONNECTION = 64;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    PreparedStatement get(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> cache = byConnection.computeIfAbsent(physical, c -> lru());
        PreparedStatement ps = cache.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = physical.prepareStatement(sql);
            cache.put(sql, ps);
        }
        return ps;
    }

    private static Map<String, PreparedStatement> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) return false;
                try {
                    eldest.getValue().close();
                } catch (SQLException ignored) {
                    // closing a statement of a live connection does not fail in practice
                }
                return true;
            }
        };
    }

    /** Drops a statement that failed, so the next use prepares a fresh one. */
    void forget(Connection pooled, PreparedStatement ps) {
        try {
            Map<String, PreparedStatement> cache = byConnection.get(pooled.unwrap(Connection.class));
            if (cache != null) cache.values().removeIf(cached -> cached == ps);
        } catch (SQLException ignored) {
            // the connection is gone: so is its cache entry's use
        }
    }

    void clear() {
        byConnection.clear();
    }
}
