package dev.vellum.importers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.BatchResult;
import dev.vellum.content.EntryService;
import dev.vellum.error.FieldError;
import dev.vellum.importers.ImportLog.Action;
import dev.vellum.importers.ImportMap.Mapped;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Writes imported items of one job through {@link EntryService}'s batch path: new items are
 * created, mapped items whose fingerprint changed are updated by id, the rest are logged as
 * unchanged without a write. The import map and the item log are written in each batch's own
 * transaction, so what is in the database and what the map says never disagree.
 */
public final class ImportWriter {
    /** Items per transaction: EntryService's bulk size (a larger transaction costs SQLite less per row). */
    private static final int BATCH = EntryService.BULK_ITEMS;

    private final Database db;
    private final EntryService entries;
    private final ImportMap map;
    private final ImportLog log;
    private final String projectId;
    private final String source;
    private final String jobId;
    private final AtomicLong seq;

    /** An item ready to be written: its entry body ({@code slug}, {@code draft}, {@code publish_at}, {@code fields}). */
    public record Write(String sourceId, String sourceModified, String fingerprint, String existingId, ObjectNode body, String warning) {
        public Write(String sourceId, String sourceModified, String fingerprint, String existingId, ObjectNode body) {
            this(sourceId, sourceModified, fingerprint, existingId, body, null);
        }
    }

    /** A source item before anything is built for it: the fingerprint decides whether it needs a write. */
    public record Candidate<T>(String sourceId, String sourceModified, String fingerprint, T item) {}

    /** A candidate that needs a write; {@code existingId} is its entry when an earlier run created it. */
    public record Pending<T>(Candidate<T> candidate, String existingId) {}

    /**
     * Splits candidates into those whose entry already holds what the source has (logged as unchanged
     * here, returned in {@code unchanged} as source id → entry id) and those that need a write.
     */
    public <T> List<Pending<T>> classify(String collectionId, List<Candidate<T>> candidates, Map<String, String> unchanged) {
        Map<String, Mapped> known = mapped(candidates.stream().map(Candidate::sourceId).toList());
        List<Pending<T>> pending = new ArrayList<>();
        List<Mapped> same = new ArrayList<>();
        for (Candidate<T> c : candidates) {
            Mapped m = known.get(c.sourceId());
            boolean here = m != null && collectionId.equals(m.collectionId());
            if (here && m.fingerprint().equals(c.fingerprint())) {
                same.add(m);
                unchanged.put(c.sourceId(), m.targetId());
            } else {
                pending.add(new Pending<>(c, here ? m.targetId() : null));
            }
        }
        note(collectionId, same, Map.of(), Map.of());
        return pending;
    }

    public ImportWriter(Database db, EntryService entries, ImportMap map, ImportLog log, String projectId, String source, String jobId) {
        this.db = db;
        this.entries = entries;
        this.map = map;
        this.log = log;
        this.projectId = projectId;
        this.source = source;
        this.jobId = jobId;
        this.seq = new AtomicLong(db.read(tx -> log.lastSeq(tx, jobId)));
    }

    public String source() {
        return source;
    }

    public String projectId() {
        return projectId;
    }

    public Map<String, Mapped> mapped(Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) return Map.of();
        return db.read(tx -> map.find(tx, projectId, source, sourceIds));
    }

    public List<Mapped> mappedWithPrefix(String prefix) {
        return db.read(tx -> map.withPrefix(tx, projectId, source, prefix));
    }

    /** Where the last complete run of this source ended (a live source's position), or null. */
    public String syncedTo() {
        return db.read(tx -> map.syncedTo(tx, projectId, source));
    }

    public void setSyncedTo(String syncedTo) {
        db.write(tx -> {
            map.setSyncedTo(tx, projectId, source, syncedTo);
            return null;
        });
    }

    /** Logs items that need no write (same fingerprint as last time) or are skipped or failed before writing. */
    public void note(String collectionId, List<Mapped> unchanged, Map<String, String> skipped, Map<String, String> failed) {
        String now = Timestamps.now();
        List<ImportLog.Row> rows = new ArrayList<>();
        unchanged.forEach(m -> rows.add(new ImportLog.Row(seq.incrementAndGet(), m.sourceId(), collectionId, m.targetId(), Action.UNCHANGED, now, null)));
        skipped.forEach((id, why) -> rows.add(new ImportLog.Row(seq.incrementAndGet(), id, collectionId, null, Action.SKIPPED, now, why)));
        failed.forEach((id, why) -> rows.add(new ImportLog.Row(seq.incrementAndGet(), id, collectionId, null, Action.FAILED, now, why)));
        if (rows.isEmpty()) return;
        db.write(tx -> {
            log.add(tx, jobId, rows);
            return null;
        });
    }

    /** Records media items (source id → asset id; the target is an asset, not an entry) in the map, in one transaction. */
    public void mapMedia(Map<String, String> assetIds) {
        if (assetIds.isEmpty()) return;
        List<Mapped> rows = new ArrayList<>();
        assetIds.forEach((sourceId, assetId) -> rows.add(new Mapped(sourceId, null, assetId, null, assetId)));
        db.write(tx -> {
            map.put(tx, projectId, source, rows, Timestamps.now());
            return null;
        });
    }

    /** Writes the items into {@code collectionId}; returns source id → entry id of those now in the collection. */
    public Map<String, String> write(String collectionId, List<Write> items) {
        Map<String, String> out = new HashMap<>();
        List<Write> creates = items.stream().filter(w -> w.existingId() == null).toList();
        List<Write> updates = items.stream().filter(w -> w.existingId() != null).toList();
        for (int from = 0; from < creates.size(); from += BATCH) {
            out.putAll(batch(collectionId, creates.subList(from, Math.min(creates.size(), from + BATCH)), false));
        }
        for (int from = 0; from < updates.size(); from += BATCH) {
            out.putAll(batch(collectionId, updates.subList(from, Math.min(updates.size(), from + BATCH)), true));
        }
        return out;
    }

    private Map<String, String> batch(String collectionId, List<Write> items, boolean update) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("mode", update ? "upsert" : "create");
        if (update) body.put("match", "id");
        ArrayNode list = body.putArray("entries");
        for (Write w : items) {
            ObjectNode e = w.body(); // built for this write only: no copy
            if (update) e.put("id", w.existingId());
            else e.remove("id");
            list.add(e);
        }
        Map<String, String> out = new HashMap<>();
        entries.batch(projectId, collectionId, body, null, BATCH, (tx, result) -> {
            String now = Timestamps.now();
            List<Mapped> mappedRows = new ArrayList<>();
            List<ImportLog.Row> logRows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Write w = items.get(i);
                BatchResult.Item r = result.results().get(i);
                if (r.status().equals("error")) {
                    logRows.add(new ImportLog.Row(seq.incrementAndGet(), w.sourceId(), collectionId, w.existingId(), Action.FAILED, now, describe(r)));
                    continue;
                }
                Action action = switch (r.status()) {
                    case "created" -> Action.CREATED;
                    case "updated" -> Action.UPDATED;
                    default -> Action.UNCHANGED;
                };
                mappedRows.add(new Mapped(w.sourceId(), collectionId, r.id(), w.sourceModified(), w.fingerprint()));
                logRows.add(new ImportLog.Row(seq.incrementAndGet(), w.sourceId(), collectionId, r.id(), action, now, w.warning()));
                out.put(w.sourceId(), r.id());
            }
            map.put(tx, projectId, source, mappedRows, now);
            log.add(tx, jobId, logRows);
        });
        return out;
    }

    private static String describe(BatchResult.Item r) {
        if (r.errors().isEmpty()) return r.code();
        return r.code() + ": " + r.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }
}
