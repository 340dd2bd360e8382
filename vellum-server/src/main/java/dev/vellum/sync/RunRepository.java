package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the run history of connections. */
final class RunRepository {
    private static final String COLUMNS = "id, connection_id, direction, dry_run, trigger, status, report, error, started_at, finished_at";

    void insert(Tx tx, SyncRun r) throws SQLException {
        tx.update("INSERT INTO sync_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.connectionId(), r.direction(),
                r.dryRun(), r.trigger(), r.status(), r.report() == null ? null : r.report().toString(), r.error(), r.startedAt(),
                r.finishedAt());
    }

    void finish(Tx tx, SyncRun r) throws SQLException {
        tx.update("UPDATE sync_runs SET status = ?, report = ?, error = ?, finished_at = ? WHERE id = ?", r.status(),
                r.report() == null ? null : r.report().toString(), r.error(), r.finishedAt(), r.id());
    }

    Optional<SyncRun> find(Tx tx, String connectionId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM sync_runs WHERE connection_id = ? AND id = ?", RunRepository::map, connectionId, id);
    }

    List<SyncRun> list(Tx tx, String connectionId, int limit) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM sync_runs WHERE connection_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                RunRepository::map, connectionId, (long) limit);
    }

    /** Runs other than {@code current} left "running" by a node that died: they failed. */
    void failAbandoned(Tx tx, String connectionId, String current, String now) throws SQLException {
        tx.update("UPDATE sync_runs SET status = 'failed', error = 'the node running it stopped', finished_at = ?"
                + " WHERE connection_id = ? AND status = 'running' AND id <> ?", now, connectionId, current);
    }

    /** A run that starts (again, when its job is resumed on another node). */
    void restart(Tx tx, SyncRun r) throws SQLException {
        tx.update("UPDATE sync_runs SET status = 'running', error = NULL, finished_at = NULL WHERE id = ?", r.id());
    }

    private static SyncRun map(ResultSet rs) throws SQLException {
        String report = rs.getString(7);
        return new SyncRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                report == null ? null : (ObjectNode) SyncJson.parse(report), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
