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
 * few seconds, {@link #run}) merges an index that nothing wrote to since the previous round (its layout is the same:
 * during writes, FTS5's own merging keeps up, and merging the whole index again and again would cost the writes), in
 * steps of {@value #PAGES_PER_STEP} pages, each a short write transaction of its own, until it is one segment or the
 * round's time is used up; the next round goes on.
 * Searches see the same entries before, during and after: only the index's layout changes.
 */
public final class SearchIndexMerger {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexMerger.class);
    static final int PAGES_PER_STEP = 256;
    private final Database db;
    private final long budgetNanos;
    private final SearchIndexRepository indexes = new SearchIndexRepository();
    /** The layout of each index at the end of the previous round; rounds run one at a time. */
    private final Map<Long, Long> layoutSeen = new HashMap<>();

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
        layoutSeen.keySet().retainAll(collections);
        for (long pk : collections) {
            try {
                long layout = db.read(tx -> indexes.layout(tx, pk));
                Long before = layoutSeen.put(pk, layout);
                if (before == null || before != layout || db.read(tx -> indexes.segments(tx, pk)) <= 1) continue;
                while (System.nanoTime() < deadline && db.write(tx -> indexes.mergeStep(tx, pk, PAGES_PER_STEP))) steps++;
                layoutSeen.put(pk, db.read(tx -> indexes.layout(tx, pk)));
            } catch (RuntimeException e) { // a collection deleted meanwhile: its index went with it
                layoutSeen.remove(pk);
                log.debug("search index of collection {} not merged: {}", pk, e.getMessage());
            }
            if (System.nanoTime() >= deadline) break;
        }
        return steps;
    }
}
