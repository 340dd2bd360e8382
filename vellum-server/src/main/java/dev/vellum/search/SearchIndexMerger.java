package dev.vellum.search;

import dev.vellum.storage.Database;
import dev.vellum.storage.Dialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite: merges each full-text index into one segment once writes to it pause. Each write transaction adds a
 * segment to an FTS5 index, and FTS5 merges them by levels as it goes, which leaves a dozen after 100,000 entries
 * loaded by batches. A sorted search that matches many entries tests rows one by one, looking its words up in every
 * segment: on one segment it is 3–5 times faster (a phrase of two common words: 13 ms of CPU → 3). A round (every
 * few seconds, {@link #run}) merges an index whose segments are as many as in the previous round, so not one being
 * written to (FTS5's own merging keeps up with writes), in steps of {@value #PAGES_PER_STEP} pages, each a short
 * write transaction of its own, until it is one segment or the round's time is used up; the next round goes on.
 * Searches see the same entries before, during and after: only the index's layout changes.
 */
public final class SearchIndexMerger {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexMerger.class);
    static final int PAGES_PER_STEP = 256;
    private final Database db;
    private final long budgetNanos;
    private final SearchIndexRepository indexes = new SearchIndexRepository();
    /** Segments of each index at the end of the previous round; rounds run one at a time. */
    private final Map<Long, Integer> segmentsSeen = new HashMap<>();

    /** @param budgetMillis the time a round may spend merging */
    public SearchIndexMerger(Database db, long budgetMillis) {
        this.db = db;
        this.budgetNanos = budgetMillis * 1_000_000;
    }

    /** One round; returns how many merge steps it took. */
    public synchronized int run() {
        if (db.dialect() != Dialect.SQLITE) return 0;
        long deadline = System.nanoTime() + budgetNanos;
        int steps = 0;
        List<Long> collections = db.read(indexes::indexedCollections);
        segmentsSeen.keySet().retainAll(collections);
        for (long pk : collections) {
            try {
                int segments = db.read(tx -> indexes.segments(tx, pk));
                Integer before = segmentsSeen.put(pk, segments);
                if (segments <= 1 || before == null || before != segments) continue;
                while (System.nanoTime() < deadline && db.write(tx -> indexes.mergeStep(tx, pk, PAGES_PER_STEP))) steps++;
                segmentsSeen.put(pk, db.read(tx -> indexes.segments(tx, pk)));
            } catch (RuntimeException e) { // a collection deleted meanwhile: its index went with it
                segmentsSeen.remove(pk);
                log.debug("search index of collection {} not merged: {}", pk, e.getMessage());
            }
            if (System.nanoTime() >= deadline) break;
        }
        return steps;
    }
}
