package dev.vellum.projects;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for projects. (The per-project change sequence is taken in changes.ChangeRepository.append.) */
public final class ProjectRepository {

    public void insert(Tx tx, Project p) throws SQLException {
        tx.update("INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)", p.id(), p.name(), p.createdAt());
    }

    public Optional<Project> find(Tx tx, String id) throws SQLException {
        return tx.one("SELECT id, name, created_at FROM projects WHERE id = ?",
                rs -> new Project(rs.getString(1), rs.getString(2), rs.getString(3)), id);
    }

    public List<Project> list(Tx tx) throws SQLException {
        return tx.list("SELECT id, name, created_at FROM projects ORDER BY id",
                rs -> new Project(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Every project's latest change seq, for nodes that watch for other nodes' changes. */
    public java.util.Map<String, Long> changeSeqs(Tx tx) throws SQLException {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (var row : tx.list("SELECT id, change_seq FROM projects", rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

}
