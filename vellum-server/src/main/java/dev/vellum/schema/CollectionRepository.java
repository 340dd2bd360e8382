package dev.vellum.schema;

import dev.vellum.storage.Tx;
import dev.vellum.storage.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for collection definitions (stored as their JSON form). */
public final class CollectionRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "pk, project_id, definition, version, created_at, updated_at";

    /** Inserts a collection and returns it with its assigned pk. */
    public CollectionSchema insert(Tx tx, String projectId, CollectionDefinition d, String now) throws SQLException {
        tx.update("INSERT INTO collections (project_id, id, definition, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
                projectId, d.id(), JsonColumns.write(SchemaJson.definition(d)), now, now);
        return find(tx, projectId, d.id()).orElseThrow();
    }

    public void update(Tx tx, CollectionSchema c) throws SQLException {
        tx.update("UPDATE collections SET definition = ?, version = ?, updated_at = ? WHERE pk = ?",
                JsonColumns.write(SchemaJson.definition(c.definition())), c.version(), c.updatedAt(), c.pk());
    }

    public void delete(Tx tx, CollectionSchema c) throws SQLException {
        tx.update("DELETE FROM collections WHERE pk = ?", c.pk());
    }

    public Optional<CollectionSchema> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM collections WHERE project_id = ? AND id = ?", CollectionRepository::map, projectId, id);
    }

    public List<CollectionSchema> list(Tx tx, String projectId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM collections WHERE project_id = ? ORDER BY id", CollectionRepository::map, projectId);
    }

    public Optional<Long> version(Tx tx, long pk) throws SQLException {
        return tx.one("SELECT version FROM collections WHERE pk = ?", rs -> rs.getLong(1), pk);
    }

    private static CollectionSchema map(ResultSet rs) throws SQLException {
        CollectionDefinition d;
        try {
            d = SchemaParser.parseCreate(JSON.readTree(rs.getString("definition")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("corrupt collection definition", e);
        }
        return new CollectionSchema(rs.getLong("pk"), rs.getString("project_id"), d.id(), d.name(), d.description(), d.slugFrom(),
                d.fields(), rs.getLong("version"), rs.getString("created_at"), rs.getString("updated_at"));
    }
}
