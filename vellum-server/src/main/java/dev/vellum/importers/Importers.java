package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.importers.wordpress.WordPressImport;
import dev.vellum.importers.wordpress.WordPressSource;
import dev.vellum.schema.CollectionService;
import dev.vellum.storage.Database;
import java.util.List;
import java.util.Map;

/** The importers' facade: runs imports (inside a job or directly) and reads their per-item logs and counts. */
public final class Importers {
    private final Database db;
    private final CollectionService collections;
    private final EntryService entries;
    private final ImportMap map = new ImportMap();
    private final ImportLog log = new ImportLog();
    private final MediaSource mediaSource;

    /** Makes the media resolver of one import (it records what it fetched in that import's map). */
    @FunctionalInterface
    public interface MediaSource {
        MediaResolver forImport(String projectId, ImportWriter writer, JsonNode options);
    }

    public Importers(Database db, CollectionService collections, EntryService entries, MediaSource mediaSource) {
        this.db = db;
        this.collections = collections;
        this.entries = entries;
        this.mediaSource = mediaSource;
    }

    /** A WordPress import written under {@code jobId} (its item log); returns the job's result summary. */
    public ObjectNode wordpress(String projectId, String jobId, WordPressSource source, JsonNode options, ImportContext ctx) {
        WordPressImport run = new WordPressImport(collections, projectId, source, WordPressImport.Options.of(options),
                key -> writer(projectId, key, jobId), w -> mediaSource.forImport(projectId, w, options));
        ObjectNode result = run.run(ctx);
        result.set("counts", counts(jobId));
        return result;
    }

    public ImportWriter writer(String projectId, String sourceKey, String jobId) {
        return new ImportWriter(db, entries, map, log, projectId, sourceKey, jobId);
    }

    public ObjectNode counts(String jobId) {
        Map<ImportLog.Action, Long> counts = db.read(tx -> log.counts(tx, jobId));
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        counts.forEach((a, n) -> out.put(a.wire(), n));
        return out;
    }

    public List<ImportLog.Row> log(String jobId, long afterSeq, int limit, ImportLog.Action only) {
        return db.read(tx -> log.page(tx, jobId, afterSeq, limit, only));
    }

    public Database database() {
        return db;
    }

    public CollectionService collections() {
        return collections;
    }

    public EntryService entries() {
        return entries;
    }
}
