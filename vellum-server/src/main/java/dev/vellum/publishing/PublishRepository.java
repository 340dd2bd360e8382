package dev.vellum.publishing;

import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL for publishes. A project has at most one pending publish (a partial unique index); a request
 * joins it or opens one in a single upsert, so concurrent requests on several nodes still coalesce.
 */
final class PublishRepository {
    private static final String COLUMNS = "id, project_id, status, requests, scheduled, requested_at, last_requested_at, fire_at,"
            + " deadline, seq, fired_at";

    /** Opens a pending publish, or joins the pending one: one more request, and its fire time pushed back (to the deadline at most). */
    public Publish request(Tx tx, String id, String projectId, String now, String fireAt, String deadline, boolean scheduled)
            throws SQLException {
        return tx.one("INSERT INTO publishes (id, project_id, status, requests, scheduled, requested_at, last_requested_at, fire_at, deadline)"
                        + " VALUES (?, ?, 'pending', 1, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (project_id) WHERE status = 'pending' DO UPDATE SET requests = publishes.requests + 1,"
                        + " scheduled = publishes.scheduled + excluded.scheduled, last_requested_at = excluded.last_requested_at,"
                        + " fire_at = CASE WHEN excluded.fire_at < publishes.deadline THEN excluded.fire_at ELSE publishes.deadline END"
                        + " RETURNING " + COLUMNS,
                PublishRepository::map, id, projectId, scheduled ? 1 : 0, now, now, fireAt, deadline).orElseThrow();
    }

    public List<Publish> due(Tx tx, String now, int limit) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM publishes WHERE status = 'pending' AND fire_at <= ? ORDER BY fire_at LIMIT ?",
                PublishRepository::map, now, (long) limit);
    }

    public Optional<String> nextFireAt(Tx tx) throws SQLException {
        return tx.one("SELECT MIN(fire_at) FROM publishes WHERE status = 'pending'", rs -> rs.getString(1));
    }

    /** Marks a pending publish fired; false when another node fired it first. */
    public boolean fire(Tx tx, String id, String now) throws SQLException {
        return tx.update("UPDATE publishes SET status = 'fired', fired_at = ? WHERE id = ? AND status = 'pending'", now, id) == 1;
    }

    public void setSeq(Tx tx, String id, long seq) throws SQLException {
        tx.update("UPDATE publishes SET seq = ? WHERE id = ?", seq, id);
    }

    /** The project's publishes, newest first, before the id {@code before} (null: from the newest). */
    public List<Publish> list(Tx tx, String projectId, String before, int limit) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM publishes WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                PublishRepository::map, projectId, before == null ? "~" : before, (long) limit);
    }

    private static Publish map(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        return new Publish(rs.getString("id"), rs.getString("project_id"), Publish.Status.parse(rs.getString("status")),
                rs.getInt("requests"), rs.getInt("scheduled"), rs.getString("requested_at"), rs.getString("last_requested_at"),
                rs.getString("fire_at"), rs.getString("deadline"), rs.wasNull() ? null : seq, rs.getString("fired_at"));
    }
}
