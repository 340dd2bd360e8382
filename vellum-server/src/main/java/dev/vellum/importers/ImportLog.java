package dev.vellum.importers;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item log of an import job: one row per source item, written with the item's entry. A job
 * run again after a crash keeps the first row of an item, so its counts stay exact.
 */
public final class ImportLog {

    /** What happened to one source item. */
    public enum Action {
        CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Action of(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public record Row(long seq, String sourceId, String collectionId, String entryId, Action action, String at, String error) {}

    public void add(Tx tx, String jobId, List<Row> rows) throws SQLException {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (Row r : rows) params.add(new Object[] {jobId, r.sourceId(), r.seq(), r.collectionId(), r.entryId(), r.action().wire(), r.at(), r.error()});
        tx.batch("""
                INSERT INTO import_log (job_id, source_id, seq, collection_id, entry_id, action, at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, source_id) DO NOTHING""", params);
    }

    /** Rows after {@code afterSeq} in order, at most {@code limit}. */
    public List<Row> page(Tx tx, String jobId, long afterSeq, int limit, Action only) throws SQLException {
        String filter = only == null ? "" : " AND action = '" + only.wire() + "'"; // an enum's own name, never user text
        return tx.list("""
                SELECT seq, source_id, collection_id, entry_id, action, at, error FROM import_log
                WHERE job_id = ? AND seq > ?%s ORDER BY seq LIMIT ?""".formatted(filter), rs -> new Row(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), Action.of(rs.getString(5)), rs.getString(6), rs.getString(7)), jobId, afterSeq, limit);
    }

    public Map<Action, Long> counts(Tx tx, String jobId) throws SQLException {
        Map<Action, Long> out = new EnumMap<>(Action.class);
        for (Action a : Action.values()) out.put(a, 0L);
        tx.list("SELECT action, COUNT(*) FROM import_log WHERE job_id = ? GROUP BY action", rs -> Map.entry(rs.getString(1), rs.getLong(2)), jobId)
                .forEach(e -> out.put(Action.of(e.getKey()), e.getValue()));
        return out;
    }

    public long lastSeq(Tx tx, String jobId) throws SQLException {
        return tx.count("SELECT COALESCE(MAX(seq), 0) FROM import_log WHERE job_id = ?", jobId);
    }
}
