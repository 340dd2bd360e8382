package dev.vellum.sync;

import dev.vellum.storage.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves references through each target collection's own connection: a Directus key of a related
 * item ↔ the Vellum entry it is linked to. The first lookup into a collection loads all of its links in
 * one query (a run converts many items, each with references); a key not found then (linked later in
 * the run) is asked for on its own.
 */
final class SyncLinks implements ValueConverter.Links {
    private final Database db;
    private final String projectId;
    private final SyncStateRepository state = new SyncStateRepository();
    private final Map<String, Map<String, String>> entries = new HashMap<>();
    private final Map<String, Map<String, String>> remotes = new HashMap<>();

    SyncLinks(Database db, String projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    @Override
    public String entryFor(String collection, String remoteId) {
        if (!entries.containsKey(collection)) load(collection);
        Map<String, String> known = entries.get(collection);
        String id = known.get(remoteId);
        if (id == null) {
            id = db.read(tx -> state.entryOf(tx, projectId, collection, remoteId)).orElse(null);
            if (id != null) known.put(remoteId, id);
        }
        return id;
    }

    @Override
    public String remoteFor(String collection, String entryId) {
        if (!remotes.containsKey(collection)) load(collection);
        Map<String, String> known = remotes.get(collection);
        String key = known.get(entryId);
        if (key == null) {
            key = db.read(tx -> state.remoteOf(tx, projectId, collection, entryId)).orElse(null);
            if (key != null) known.put(entryId, key);
        }
        return key;
    }

    /** Every link of the collection's connection: Directus key → entry (and the reverse, kept alongside). */
    private void load(String collection) {
        Map<String, String> byRemote = new HashMap<>();
        Map<String, String> byEntry = new HashMap<>();
        db.read(tx -> state.links(tx, projectId, collection)).forEach(l -> {
            byRemote.put(l[1], l[0]);
            byEntry.put(l[0], l[1]);
        });
        entries.put(collection, byRemote);
        remotes.put(collection, byEntry);
    }
}
