package dev.vellum.changes;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for the change log (the outbox). Rows are written in the transaction of the change they record. */
public final class ChangeRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO changes (project_id, seq, kind, collection_id, entry_id, version, draft, token_id, created_at, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Appends a transaction's changes. Sequence numbers are taken from the project row, which this
     * locks until commit, so a project's log has no gaps and commits in order.
     *
     * @return the seq of the first appended change (0 when there were none)
     */
    public long append(Tx tx, String projectId, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) return 0;
        long first = reserve(tx, projectId, changes.size());
        List<Object[]> rows = new ArrayList<>(changes.size());
        addRows(rows, projectId, first, changes);
        insert(tx, rows);
        return first;
    }

    /**
     * Takes the next {@code n} sequence numbers of a project (locking its row until commit, as {@link #append} does).
     *
     * @return the first of them
     */
    long reserve(Tx tx, String projectId, int n) throws SQLException {
        long last = tx.one("UPDATE projects SET change_seq = change_seq + ? WHERE id = ? RETURNING change_seq",
                rs -> rs.getLong(1), (long) n, projectId).orElseThrow(() -> new SQLException("no project " + projectId));
        return last - n + 1;
    }

    /** Adds the rows of {@code changes}, numbered from {@code first}, for {@link #insert}. */
    static void addRows(List<Object[]> rows, String projectId, long first, List<Change> changes) throws SQLException {
        long seq = first;
        for (Change c : changes) {
            rows.add(new Object[] {projectId, seq++, c.kind(), c.collection(), c.entryId(), c.version(), c.draft(), c.tokenId(),
                    c.at(), write(c.data())});
        }
    }

    /** Writes rows made by {@link #addRows} (of any projects), as one JDBC batch. */
    void insert(Tx tx, List<Object[]> rows) throws SQLException {
        tx.batch(INSERT, rows);
    }

    public List<Change> since(Tx tx, String projectId, long since, int limit, boolean includeDrafts) throws SQLException {
        return scan(tx, projectId, since, limit, includeDrafts,
                rs -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                        read(rs.getString(9))));
    }

    /**
     * The changes after {@code since}, in order, each row handed to {@code row}: seq, kind, collection_id,
     * entry_id, version, draft, token_id, created_at, data (JSON text).
     */
    public <T> List<T> scan(Tx tx, String projectId, long since, int limit, boolean includeDrafts, Tx.RowMapper<T> row)
            throws SQLException {
        String drafts = includeDrafts ? "" : " AND draft = " + (tx.dialect() == Dialect.SQLITE ? "0" : "false");
        return tx.list("SELECT seq, kind, collection_id, entry_id, version, draft, token_id, created_at, data FROM changes"
                + " WHERE project_id = ? AND seq > ?" + drafts + " ORDER BY seq LIMIT ?", row, projectId, since, (long) limit);
    }

    public long latest(Tx tx, String projectId) throws SQLException {
        return tx.count("SELECT change_seq FROM projects WHERE id = ?", projectId);
    }

    private static String write(JsonNode data) throws SQLException {
        String text = Change.text(data);
        if (text != null) return text;
        try {
            return JSON.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot serialise change", e);
        }
    }

    private static JsonNode read(String s) throws SQLException {
        try {
            return JSON.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("corrupt change data", e);
        }
    }
}
