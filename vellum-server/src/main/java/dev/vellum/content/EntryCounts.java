package dev.vellum.content;

import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code include_total} without a COUNT(*) per request: a count is cached with the project's change
 * sequence it was taken at, and is good for as long as that sequence has not moved. Every entry
 * mutation appends to the change log in its own transaction (the one write path), so an unchanged
 * sequence means unchanged rows: the cached count is exact. The count and the sequence are read in
 * one statement, hence one snapshot, on both databases. Concurrent misses of one query share one
 * COUNT(*) (the one in flight is used when it is at least as new as the caller's sequence).
 */
final class EntryCounts {
    /** Distinct (collection, filter) counts kept; beyond it the cache starts again (cheap: one COUNT each). */
    private static final int MAX_KEPT = 2048;

    private record Key(String projectId, String table, long schemaVersion, String sql, List<Object> params) {}

    private record Counted(long seq, long total) {}

    private final Map<Key, Counted> counted = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Counted>> inFlight = new ConcurrentHashMap<>();

    /** How many entries {@code count} (a {@code SELECT COUNT(*) …} over {@code c}'s table) matches now. */
    long total(Tx tx, CollectionSchema c, EntryListing.Condition count) throws SQLException {
        long seq = tx.count("SELECT change_seq FROM projects WHERE id = ?", c.projectId());
        Key key = new Key(c.projectId(), c.table(), c.version(), count.sql(), new java.util.ArrayList<>(count.params()));
        Counted known = counted.get(key);
        if (known != null && known.seq() == seq) return known.total();
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        CompletableFuture<Counted> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            Counted shared = running.exceptionally(failed -> null).join();
            if (shared != null && shared.seq() >= seq) return shared.total();
            return fresh(tx, c, count).total(); // the shared count is older than what this caller has seen
        }
        try {
            Counted fresh = fresh(tx, c, count);
            if (counted.size() >= MAX_KEPT) counted.clear();
            counted.merge(key, fresh, (old, now) -> now.seq() >= old.seq() ? now : old);
            mine.complete(fresh);
            return fresh.total();
        } catch (SQLException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The count and the sequence it belongs to, from one statement (one snapshot). */
    private static Counted fresh(Tx tx, CollectionSchema c, EntryListing.Condition count) throws SQLException {
        Object[] params = new Object[count.params().size() + 1];
        params[0] = c.projectId();
        for (int i = 0; i < count.params().size(); i++) params[i + 1] = count.params().get(i);
        return tx.one("SELECT (SELECT change_seq FROM projects WHERE id = ?), (" + count.sql() + ")",
                rs -> new Counted(rs.getLong(1), rs.getLong(2)), params).orElseThrow();
    }
}
