package dev.vellum.importers;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The import map: which entry (or asset) each source item became, with the source's modification
 * time and a fingerprint of what was imported. Written in the same transaction as the entry, so a
 * crash leaves either both or neither, and a re-run neither duplicates nor misses an item.
 */
public final class ImportMap {
    private static final int IN_CHUNK = 500;

    /** One mapped source item. {@code collectionId} is null for media (the target is an asset). */
    public record Mapped(String sourceId, String collectionId, String targetId, String sourceModified, String fingerprint) {}

    public Map<String, Mapped> find(Tx tx, String projectId, String source, Collection<String> sourceIds) throws SQLException {
        Map<String, Mapped> out = new HashMap<>();
        List<String> ids = new ArrayList<>(sourceIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            List<Object> params = new ArrayList<>(List.of(projectId, source));
            params.addAll(chunk);
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            tx.list("""
                    SELECT source_id, collection_id, target_id, source_modified, fingerprint FROM import_map
                    WHERE project_id = ? AND source = ? AND source_id IN (%s)""".formatted(marks), rs -> new Mapped(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), params)
                    .forEach(m -> out.put(m.sourceId(), m));
        }
        return out;
    }

    /** Every mapped item of a source whose id starts with {@code prefix} (e.g. "category:"). */
    public List<Mapped> withPrefix(Tx tx, String projectId, String source, String prefix) throws SQLException {
        return tx.list("""
                SELECT source_id, collection_id, target_id, source_modified, fingerprint FROM import_map
                WHERE project_id = ? AND source = ? AND source_id >= ? AND source_id < ?""", rs -> new Mapped(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                projectId, source, prefix, prefix + '\uffff');
    }

    public void put(Tx tx, String projectId, String source, List<Mapped> rows, String importedAt) throws SQLException {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (Mapped m : rows) {
            params.add(new Object[] {projectId, source, m.sourceId(), m.collectionId(), m.targetId(), m.sourceModified(), m.fingerprint(), importedAt});
        }
        tx.batch("""
                INSERT INTO import_map (project_id, source, source_id, collection_id, target_id, source_modified, fingerprint, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id, source, source_id) DO UPDATE SET collection_id = excluded.collection_id,
                    target_id = excluded.target_id, source_modified = excluded.source_modified,
                    fingerprint = excluded.fingerprint, imported_at = excluded.imported_at""", params);
    }

    /** When a live source was last read completely, or null. */
    public String syncedTo(Tx tx, String projectId, String source) throws SQLException {
        return tx.one("SELECT synced_to FROM import_sources WHERE project_id = ? AND source = ?", rs -> rs.getString(1),
                projectId, source).orElse(null);
    }

    public void setSyncedTo(Tx tx, String projectId, String source, String syncedTo) throws SQLException {
        tx.update("""
                INSERT INTO import_sources (project_id, source, synced_to) VALUES (?, ?, ?)
                ON CONFLICT (project_id, source) DO UPDATE SET synced_to = excluded.synced_to""", projectId, source, syncedTo);
    }
}
