package dev.vellum.publishing;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds drafts whose publish_at has come, across every collection table (each has an index on
 * publish_at). Scheduled publishing needs nothing stored besides the entries themselves.
 */
final class ScheduleRepository {

    /** A draft to turn live: which entry, and the version it was read at (to update only that version). */
    public record DueEntry(String projectId, String collectionId, String entryId, long version) {}

    private record Table(long pk, String projectId, String collectionId) {}

    public List<DueEntry> due(Tx tx, String now, int limit) throws SQLException {
        List<Table> tables = tx.list("SELECT pk, project_id, id FROM collections ORDER BY pk",
                rs -> new Table(rs.getLong(1), rs.getString(2), rs.getString(3)));
        List<DueEntry> out = new ArrayList<>();
        for (Table t : tables) {
            if (out.size() >= limit) break;
            out.addAll(tx.list("SELECT id, version FROM e_" + t.pk() + " WHERE publish_at <= ? AND draft = ? ORDER BY publish_at LIMIT ?",
                    rs -> new DueEntry(t.projectId(), t.collectionId(), rs.getString(1), rs.getLong(2)), now, true,
                    (long) (limit - out.size())));
        }
        return out;
    }
}
