package dev.vellum.sync;

import dev.vellum.storage.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves references through each target collection's own connection: a Directus key of a related
 * item ↔ the Vellum entry it is linked to. Cached for the run.
 */
final class SyncLinks implements ValueConverter.Links {
    private final Database db;
    private final String projectId;
    private final SyncStateRepository state = new SyncStateRepository();
    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, String> remotes = new HashMap<>();

    SyncLinks(Database db, String projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    @Override
    public String entryFor(String collection, String remoteId) {
        return entries.computeIfAbsent(collection + "\u0000" + remoteId,
                k -> db.read(tx -> state.entryOf(tx, projectId, collection, remoteId)).orElse(null));
    }

    @Override
    public String remoteFor(String collection, String entryId) {
        return remotes.computeIfAbsent(collection + "\u0000" + entryId,
                k -> db.read(tx -> state.remoteOf(tx, projectId, collection, entryId)).orElse(null));
    }
}
