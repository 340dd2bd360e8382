package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.auth.Access;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeKind;
import dev.vellum.changes.ChangeLog;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Database;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Creates, reads, changes and deletes collections; every change is logged in its transaction. */
public final class CollectionService {
    private final Database db;
    private final ChangeLog changes;
    private final SchemaRegistry registry;
    private final CollectionRepository collections = new CollectionRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final CollectionTables tables;
    private final SchemaMigration migration;

    /** {@code tables}: the entry tables' side of collection changes (content's {@code EntryTables}). */
    public CollectionService(Database db, ChangeLog changes, SchemaRegistry registry, CollectionTables tables) {
        this.db = db;
        this.changes = changes;
        this.registry = registry;
        this.tables = tables;
        this.migration = new SchemaMigration(tables);
    }

    public CollectionSchema create(String projectId, JsonNode body, String tokenId) {
        CollectionDefinition d = SchemaParser.parseCreate(body);
        CollectionSchema created = changes.write(projectId, (tx, log) -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            if (collections.find(tx, projectId, d.id()).isPresent()) {
                throw new VellumException.Conflict("collection_exists", "A collection '" + d.id() + "' already exists");
            }
            checkReferenceTargets(tx, projectId, d);
            CollectionSchema c = collections.insert(tx, projectId, d, Timestamps.now());
            tables.create(tx, c);
            log.record(change(ChangeKind.COLLECTION_CREATED, c, tokenId));
            return c;
        });
        registry.invalidate(projectId, d.id());
        return created;
    }

    /**
     * Restores a collection from an export ({@link SchemaJson#collection}: definition, version, created_at,
     * updated_at) into a project that lacks it, keeping its version and timestamps. Reference targets are
     * not checked: a restore brings every collection of the archive, in any order.
     */
    public CollectionSchema restore(String projectId, JsonNode exported, String tokenId) {
        CollectionDefinition d = SchemaParser.parseCreate(definitionOnly(exported));
        long version = exported.path("version").asLong(1);
        String createdAt = exported.path("created_at").asText(Timestamps.now());
        String updatedAt = exported.path("updated_at").asText(createdAt);
        CollectionSchema restored = changes.write(projectId, (tx, log) -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            if (collections.find(tx, projectId, d.id()).isPresent()) {
                throw new VellumException.Conflict("collection_exists", "A collection '" + d.id() + "' already exists");
            }
            CollectionSchema inserted = collections.insert(tx, projectId, d, createdAt);
            CollectionSchema c = new CollectionSchema(inserted.pk(), projectId, d.id(), d.name(), d.description(), d.slugFrom(), d.fields(),
                    version, createdAt, updatedAt);
            collections.update(tx, c);
            tables.create(tx, c);
            log.record(change(ChangeKind.COLLECTION_CREATED, c, tokenId));
            return c;
        });
        registry.invalidate(projectId, d.id());
        return restored;
    }

    private static JsonNode definitionOnly(JsonNode exported) {
        com.fasterxml.jackson.databind.node.ObjectNode d = ((com.fasterxml.jackson.databind.node.ObjectNode) exported).deepCopy();
        d.remove(List.of("version", "created_at", "updated_at"));
        return d;
    }

    public List<CollectionSchema> list(String projectId) {
        return db.read(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            return collections.list(tx, projectId);
        });
    }

    public CollectionSchema get(String projectId, String id) {
        return registry.get(projectId, id);
    }

    public CollectionSchema update(String projectId, String id, JsonNode body, String tokenId) {
        CollectionSchema updated = changes.write(projectId, (tx, log) -> {
            CollectionSchema old = collections.find(tx, projectId, id).orElseThrow(() -> SchemaRegistry.notFound(id));
            SchemaParser.SchemaPatch patch = SchemaParser.parsePatch(old.definition(), body);
            checkReferenceTargets(tx, projectId, patch.definition());
            migration.apply(tx, old, patch);
            CollectionSchema next = old.withDefinition(patch.definition(), old.version() + 1, Timestamps.now());
            collections.update(tx, next);
            tables.changed(tx, old, next);
            log.record(change(ChangeKind.COLLECTION_UPDATED, next, tokenId));
            return next;
        });
        registry.invalidate(projectId, id);
        return updated;
    }

    public void delete(String projectId, String id, String tokenId) {
        changes.write(projectId, (tx, log) -> {
            CollectionSchema c = collections.find(tx, projectId, id).orElseThrow(() -> SchemaRegistry.notFound(id));
            List<FieldError> referrers = new ArrayList<>();
            for (CollectionSchema other : collections.list(tx, projectId)) {
                if (other.id().equals(id)) continue;
                for (Field f : other.fields()) {
                    if (id.equals(f.type().targetCollection())) {
                        referrers.add(new FieldError(other.id() + "." + f.id(), "referenced", "references this collection"));
                    }
                }
            }
            if (!referrers.isEmpty()) {
                throw new VellumException.Conflict("collection_referenced",
                        "Other collections reference this one; remove those fields first", referrers);
            }
            tables.drop(tx, c);
            collections.delete(tx, c);
            log.record(change(ChangeKind.COLLECTION_DELETED, c, tokenId));
            return null;
        });
        registry.invalidate(projectId, id);
    }

    private void checkReferenceTargets(Tx tx, String projectId, CollectionDefinition d) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < d.fields().size(); i++) {
            String target = d.fields().get(i).type().targetCollection();
            if (target != null && !target.equals(d.id()) && collections.find(tx, projectId, target).isEmpty()) {
                errors.add(new FieldError("fields[" + i + "].collection", "unknown_collection", "no collection '" + target + "' in this project"));
            }
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_schema", "The collection schema is not valid", errors);
    }

    private static Change change(ChangeKind kind, CollectionSchema c, String tokenId) {
        return new Change(0, kind.wire(), c.id(), null, c.version(), false, tokenId, Timestamps.now(), SchemaJson.collection(c));
    }
}
