package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.content.EntryService;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.util.List;

/**
 * Resolves one conflict with "use Vellum" or "use Directus": reads both sides as they are now, takes
 * the chosen side's values for the conflicting fields and the merge for the others, writes both
 * sides, and makes the result the new base.
 */
final class ConflictResolver {
    private final Database db;
    private final SchemaRegistry registry;
    private final EntryService entries;
    private final SyncRunner runner;
    private final SyncStateRepository state = new SyncStateRepository();

    ConflictResolver(Database db, SchemaRegistry registry, EntryService entries, SyncRunner runner) {
        this.db = db;
        this.registry = registry;
        this.entries = entries;
        this.runner = runner;
    }

    void resolve(Connection c, Conflict conflict, boolean useVellum) {
        CollectionSchema schema = registry.get(c.projectId(), c.collection());
        DirectusClient client = runner.client(c);
        ItemCodec codec = runner.codec(c, schema, client);
        LocalSide local = new LocalSide(entries, c.projectId(), c.collection(), c.id());
        RemoteSide remote = new RemoteSide(client, c, codec);
        JsonNode entry = local.byIds(List.of(conflict.entryId())).get(conflict.entryId());
        List<JsonNode> items = remote.where(c.idField(), List.of(conflict.remoteId()));
        if (entry == null || items.isEmpty()) {
            throw new VellumException.Conflict("conflict_item_gone", "The entry or the Directus item was deleted since; sync again");
        }
        SyncItem link = db.read(tx -> state.byEntry(tx, c.id(), List.of(conflict.entryId()))).get(conflict.entryId());
        SyncEngine.Pair p = new SyncEngine.Pair(entry, items.getFirst(), link);
        p.entryId = conflict.entryId();
        p.version = entry.path("version").asLong();
        p.remoteId = conflict.remoteId();
        p.marker = codec.marker(items.getFirst());
        try {
            p.localValues = codec.local(entry);
            p.remoteValues = codec.remote(items.getFirst());
        } catch (ValueConverter.Unconvertible e) {
            throw new VellumException.Conflict("conflict_unconvertible", e.getMessage());
        }
        p.plan = new Reconciler(c.options(), codec.keys()).resolve(p.localValues, p.remoteValues,
                link != null ? link.base() : conflict.base(), useVellum);
        RunReport report = new RunReport();
        new Writer(codec, local, remote, report).write(List.of(p));
        if (p.plan == null) {
            throw new VellumException.Conflict("conflict_not_applied", "The resolution could not be applied: " + report.toJson().path("errors"));
        }
        String now = Timestamps.now();
        db.write(tx -> {
            state.save(tx, List.of(new SyncItem(c.id(), p.entryId, p.remoteId, p.slug(), p.marker, p.version, p.plan.target(), now)));
            state.resolve(tx, conflict.id(), useVellum ? "vellum" : "directus", now);
            return null;
        });
    }
}
