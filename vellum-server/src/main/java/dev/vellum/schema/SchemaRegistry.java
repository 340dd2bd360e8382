package dev.vellum.schema;

import dev.vellum.error.VellumException;
import dev.vellum.storage.Database;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collection schemas, cached: every entry request needs one. Changes on this node invalidate at
 * once; other nodes' changes are seen within {@link #TTL} for reads, and at once for writes, which
 * check the stored version inside their transaction.
 */
public final class SchemaRegistry {
    static final Duration TTL = Duration.ofSeconds(2);

    private final Database db;
    private final CollectionRepository collections = new CollectionRepository();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(CollectionSchema schema, long loadedAtNanos) {}

    public SchemaRegistry(Database db) {
        this.db = db;
    }

    public CollectionSchema get(String projectId, String id) {
        String key = projectId + "/" + id;
        Cached c = cache.get(key);
        if (c != null && System.nanoTime() - c.loadedAtNanos() < TTL.toNanos()) return c.schema();
        CollectionSchema loaded = db.read(tx -> collections.find(tx, projectId, id)).orElseThrow(() -> notFound(id));
        cache.put(key, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    /** Like {@link #get}, empty when there is no such collection. */
    public java.util.Optional<CollectionSchema> find(String projectId, String id) {
        try {
            return java.util.Optional.of(get(projectId, id));
        } catch (VellumException.NotFound e) {
            return java.util.Optional.empty();
        }
    }

    /** The schema as of this write transaction: the cached one if still current, else reloaded. */
    public CollectionSchema forWrite(Tx tx, String projectId, String id) throws SQLException {
        Cached c = cache.get(projectId + "/" + id);
        if (c != null) {
            var version = collections.version(tx, c.schema().pk());
            if (version.isPresent() && version.get() == c.schema().version()) return c.schema();
        }
        CollectionSchema loaded = collections.find(tx, projectId, id).orElseThrow(() -> notFound(id));
        cache.put(projectId + "/" + id, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    public void invalidate(String projectId, String id) {
        cache.remove(projectId + "/" + id);
    }

    public static VellumException notFound(String id) {
        return new VellumException.NotFound("collection_not_found", "No collection '" + id + "'");
    }
}
