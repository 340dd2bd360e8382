package dev.vellum.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A collection's full-text index, written in the transaction of each entry write (the entry repository
 * calls {@link #put} and {@link #remove}), and the FROM clause that searches it.
 * <ul>
 * <li>SQLite: a contentless FTS5 table {@code e_<pk>_fts(title, body)} (the {@code ascii} tokenizer: the
 * words come analysed, see {@link SearchText}) whose rowid is a document number, mapped to entry ids by
 * {@code e_<pk>_sdoc}; ranked by {@code bm25} with titles weighted 4:1.</li>
 * <li>PostgreSQL: {@code e_<pk>_search(id, doc tsvector)} with a GIN index; the tsvector is written as a
 * literal (words, positions, weights A/B), so PostgreSQL's parser and stemmer never see the text; ranked
 * by {@code ts_rank} (normalised by document length).</li>
 * </ul>
 * {@code search_indexes} records, per collection, the {@link SearchDocument#signature} the index was built
 * for; at start, indexes that are missing or were built otherwise are rebuilt.
 */
public final class SearchIndexRepository {
    /** The column of the rank in a search's rows: higher is more relevant. */
    public static final String RANK = "search_rank";

    /** A FROM clause (the entry table joined with the matches) and its parameters. */
    public record Source(String sql, List<Object> params) {}

    public void create(Tx tx, CollectionSchema c) throws SQLException {
        if (tx.dialect() == Dialect.SQLITE) {
            tx.execute("CREATE TABLE " + docs(c) + " (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)");
            tx.execute("CREATE VIRTUAL TABLE " + fts(c) + " USING fts5(title, body, content='', contentless_delete=1, "
                    + "tokenize='ascii', detail=full)");
        } else {
            tx.execute("CREATE TABLE " + search(c) + " (id " + tx.dialect().columnType(Dialect.ColumnKind.TEXT)
                    + " PRIMARY KEY, doc tsvector NOT NULL)");
            tx.execute("CREATE INDEX " + search(c) + "_doc ON " + search(c) + " USING gin (doc)");
        }
        tx.update("DELETE FROM search_indexes WHERE collection_pk = ?", c.pk());
        tx.update("INSERT INTO search_indexes (collection_pk, signature, built_at) VALUES (?, ?, ?)",
                c.pk(), SearchDocument.signature(c), Timestamps.now());
    }

    public void drop(Tx tx, CollectionSchema c) throws SQLException {
        tx.defer(WRITES, new Dropped(c.table())); // the writes asked for so far are moot: a rebuild reads the table
        if (tx.dialect() == Dialect.SQLITE) {
            tx.execute("DROP TABLE IF EXISTS " + fts(c));
            tx.execute("DROP TABLE IF EXISTS " + docs(c));
        } else {
            tx.execute("DROP TABLE IF EXISTS " + search(c));
        }
        tx.update("DELETE FROM search_indexes WHERE collection_pk = ?", c.pk());
    }

    /** The signature the collection's index was built for; empty when it has none. */
    public Optional<String> signature(Tx tx, CollectionSchema c) throws SQLException {
        return tx.one("SELECT signature FROM search_indexes WHERE collection_pk = ?", rs -> rs.getString(1), c.pk());
    }

    /**
     * Indexes (or re-indexes) one entry, at the end of the transaction (see {@link #putAll}).
     */
    public void put(Tx tx, CollectionSchema c, String id, String slug, JsonNode fields) throws SQLException {
        tx.defer(WRITES, new Put(c, new Indexed(id, slug, fields, null).analysed(c)));
    }

    /** An entry as the index needs it; {@code words}: its fields analysed already (or null: analysed here). */
    public record Indexed(String id, String slug, JsonNode fields, SearchDocument.FieldWords words) {
        SearchDocument document(CollectionSchema c) {
            return words != null ? words.withSlug(slug) : SearchDocument.of(c, slug, fields);
        }

        /** With its words taken now: a write put off to the commit must not see its fields changed after it (rendering). */
        Indexed analysed(CollectionSchema c) {
            return words != null ? this : new Indexed(id, slug, null, SearchDocument.words(c, fields));
        }
    }

    /**
     * Indexes (or re-indexes) entries. The index is written at the end of the transaction, outside the savepoints of
     * the writes that asked for it ({@link Tx#defer}): a group commit's entries become index rows written together,
     * which FTS5 keeps in memory until the commit and then writes as one segment (written inside each write's
     * savepoint, every entry became a segment of its own, later merged). An entry written several times in one
     * transaction is indexed once, as it ends up; one deleted is taken out.
     */
    public void putAll(Tx tx, CollectionSchema c, List<Indexed> entries) throws SQLException {
        for (Indexed e : entries) tx.defer(WRITES, new Put(c, e.analysed(c)));
    }

    /** Takes one entry out of the index, at the end of the transaction. */
    public void remove(Tx tx, CollectionSchema c, String id) throws SQLException {
        tx.defer(WRITES, new Remove(c, id));
    }

    /** A write of the index put off to the end of its transaction. */
    private sealed interface Op permits Put, Remove, Dropped {}

    private record Put(CollectionSchema c, Indexed entry) implements Op {}

    private record Remove(CollectionSchema c, String id) implements Op {}

    /** The collection's index was dropped (and perhaps rebuilt from its table): the writes asked for before are moot. */
    private record Dropped(String table) implements Op {}

    private static final Tx.Deferral<Op> WRITES = SearchIndexRepository::flush;

    /** A transaction's index writes: the last one per entry, the puts of each collection together. */
    private static void flush(Tx tx, List<Op> ops) throws SQLException {
        java.util.Map<String, java.util.Map<String, Op>> last = new java.util.LinkedHashMap<>();
        for (Op op : ops) {
            switch (op) {
                case Dropped d -> last.remove(d.table());
                case Put p -> last.computeIfAbsent(p.c().table(), t -> new java.util.LinkedHashMap<>()).put(p.entry().id(), p);
                case Remove r -> last.computeIfAbsent(r.c().table(), t -> new java.util.LinkedHashMap<>()).put(r.id(), r);
            }
        }
        for (java.util.Map<String, Op> byId : last.values()) {
            // the schema a put was asked with decides its words (a transaction may change the collection between writes)
            java.util.Map<CollectionSchema, List<Indexed>> puts = new java.util.IdentityHashMap<>();
            for (Op op : byId.values()) {
                if (op instanceof Put p) puts.computeIfAbsent(p.c(), k -> new java.util.ArrayList<>()).add(p.entry());
                else if (op instanceof Remove r) removeNow(tx, r.c(), r.id());
            }
            for (var e : puts.entrySet()) putAllNow(tx, e.getKey(), e.getValue());
        }
    }

    private static void putNow(Tx tx, CollectionSchema c, String id, SearchDocument d) throws SQLException {
        if (tx.dialect() == Dialect.SQLITE) {
            Optional<Long> added = tx.one("INSERT INTO " + docs(c) + " (id) VALUES (?) ON CONFLICT (id) DO NOTHING RETURNING doc",
                    rs -> rs.getLong(1), id);
            long doc;
            if (added.isPresent()) {
                doc = added.get();
            } else {
                doc = tx.count("SELECT doc FROM " + docs(c) + " WHERE id = ?", id);
                tx.update("DELETE FROM " + fts(c) + " WHERE rowid = ?", doc);
            }
            tx.update("INSERT INTO " + fts(c) + " (rowid, title, body) VALUES (?, ?, ?)",
                    doc, SearchDocument.joined(d.title()), SearchDocument.joined(d.body()));
        } else {
            tx.update("INSERT INTO " + search(c) + " (id, doc) VALUES (?, CAST(? AS tsvector)) "
                    + "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc", id, d.tsvector());
        }
    }

    /**
     * Writes index rows now, each entry at most once: SQLite, a few statements each run as one JDBC batch, and one
     * lookup of the document numbers per 512 entries (a single entry: two statements, or four if it was indexed).
     */
    public static void putAllNow(Tx tx, CollectionSchema c, List<Indexed> entries) throws SQLException {
        if (entries.isEmpty()) return;
        if (entries.size() == 1) {
            putNow(tx, c, entries.getFirst().id(), entries.getFirst().document(c));
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>(entries.size());
        if (tx.dialect() != Dialect.SQLITE) {
            for (Indexed e : entries) rows.add(new Object[] {e.id(), e.document(c).tsvector()});
            tx.batch("INSERT INTO " + search(c) + " (id, doc) VALUES (?, CAST(? AS tsvector)) "
                    + "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc", rows);
            return;
        }
        List<Object[]> ids = new java.util.ArrayList<>(entries.size());
        for (Indexed e : entries) ids.add(new Object[] {e.id()});
        int[] added = tx.batch("INSERT INTO " + docs(c) + " (id) VALUES (?) ON CONFLICT (id) DO NOTHING", ids);
        java.util.Map<String, Long> doc = new java.util.HashMap<>();
        for (int from = 0; from < entries.size(); from += 512) {
            List<String> chunk = new java.util.ArrayList<>();
            for (Indexed e : entries.subList(from, Math.min(entries.size(), from + 512))) chunk.add(e.id());
            int shape = Math.max(8, Integer.highestOneBit(chunk.size() - 1) << 1); // a few statement shapes: padded
            while (chunk.size() < shape) chunk.add(chunk.getFirst());
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Object[] r : tx.list("SELECT id, doc FROM " + docs(c) + " WHERE id IN (" + marks + ")",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, chunk)) {
                doc.put((String) r[0], (Long) r[1]);
            }
        }
        List<Object[]> stale = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Indexed e = entries.get(i);
            if (added[i] == 0) stale.add(new Object[] {doc.get(e.id())});
            SearchDocument d = e.document(c);
            rows.add(new Object[] {doc.get(e.id()), SearchDocument.joined(d.title()), SearchDocument.joined(d.body())});
        }
        tx.batch("DELETE FROM " + fts(c) + " WHERE rowid = ?", stale);
        tx.batch("INSERT INTO " + fts(c) + " (rowid, title, body) VALUES (?, ?, ?)", rows);
    }

    private static void removeNow(Tx tx, CollectionSchema c, String id) throws SQLException {
        if (tx.dialect() == Dialect.SQLITE) {
            Optional<Long> doc = tx.one("SELECT doc FROM " + docs(c) + " WHERE id = ?", rs -> rs.getLong(1), id);
            if (doc.isEmpty()) return;
            tx.update("DELETE FROM " + fts(c) + " WHERE rowid = ?", doc.get());
            tx.update("DELETE FROM " + docs(c) + " WHERE doc = ?", doc.get());
        } else {
            tx.update("DELETE FROM " + search(c) + " WHERE id = ?", id);
        }
    }

    /** After indexing many entries at once: SQLite merges the index's segments into one (PostgreSQL's GIN needs nothing). */
    public void optimize(Tx tx, CollectionSchema c) throws SQLException {
        if (tx.dialect() == Dialect.SQLITE) tx.update("INSERT INTO " + fts(c) + " (" + fts(c) + ") VALUES ('optimize')");
    }

    /**
     * The entry table joined with the entries that match {@code terms}, each with its {@link #RANK}: a FROM
     * clause in which the entry table's columns keep their names. The matches drive the join (SQLite: CROSS
     * JOIN fixes the order), so a search costs in proportion to its matches.
     */
    public static Source source(Dialect d, CollectionSchema c, SearchTerms terms) {
        String table = c.table();
        if (d == Dialect.SQLITE) {
            return new Source("(SELECT m.id AS search_id, -bm25(" + fts(c) + ", 4.0, 1.0) AS " + RANK + " FROM " + fts(c)
                    + " CROSS JOIN " + docs(c) + " m ON m.doc = " + fts(c) + ".rowid WHERE " + fts(c) + " MATCH ?) s CROSS JOIN "
                    + table + " ON " + table + ".id = s.search_id", List.of(terms.fts5()));
        }
        return new Source("(SELECT id AS search_id, ts_rank(doc, CAST(? AS tsquery), 1)::float8 AS " + RANK + " FROM " + search(c)
                + " WHERE doc @@ CAST(? AS tsquery)) s JOIN " + table + " ON " + table + ".id = s.search_id",
                List.of(terms.tsquery(), terms.tsquery()));
    }

    /** How a search in the order of a sort reaches its page (SQLite; PostgreSQL's planner chooses by itself). */
    public enum Route {
        /** Join every match with its entry, then sort: for a search that matches few entries. */
        JOIN,
        /** Gather the matching documents once, then walk the sort's index keeping the rows among them. */
        WALK_MATCHES,
        /** Walk the sort's index and ask FTS5 whether each row matches: the page fills within a few rows. */
        WALK_PROBING
    }

    /**
     * SQLite, for a search in the order of a sort that walks the sort's index ({@link Route#WALK_MATCHES} or
     * {@link Route#WALK_PROBING}): a condition on the entry table that holds when the row matches. The entry table
     * appears in the query under its own name.
     */
    public static Source matchingRow(CollectionSchema c, SearchTerms terms, Route route) {
        String doc = "(SELECT doc FROM " + docs(c) + " WHERE " + docs(c) + ".id = " + c.table() + ".id)";
        if (route == Route.WALK_MATCHES) {
            return new Source(doc + " IN (SELECT rowid FROM " + fts(c) + " WHERE " + fts(c) + " MATCH ?)", List.of(terms.fts5()));
        }
        return new Source("EXISTS (SELECT 1 FROM " + fts(c) + " WHERE " + fts(c) + " MATCH ? AND " + fts(c) + ".rowid = " + doc + ")",
                List.of(terms.fts5()));
    }

    /**
     * SQLite: the cheapest {@link Route} for a search in the order of a sort, from an estimate of its matches m among
     * n documents, for a page of p rows. Joining costs about m row lookups and a sort; walking the sort's index visits
     * about p·n/m rows until the page is full; asking FTS5 about one row costs several times what looking it up among
     * matches gathered beforehand does, but gathering them costs about m, and for a phrase the positions of its words
     * in every document that has them all. Hence, measured on 100,000 entries (n) and pages of 20: words join below
     * √(p·n) matches (some 1,500), gather them up to √(30·p·n) (8,000), and probe above; a phrase joins below
     * √(5·p·n) (3,200) and probes above; a prefix, which expands to every word it starts (once if gathered, at every
     * row if probed), joins below √(5·p·n) and gathers above.
     * <p>
     * A small index is counted; from {@value #SAMPLE}·2 documents on, it is sampled: the matches among
     * {@value #SAMPLE} consecutive document numbers in the middle, scaled up (near a threshold, some 30 matches or more:
     * close enough, as the plans on either side cost about the same there). Counting reads the matches one by one,
     * which for a phrase of common words means their positions in nearly every document (4.5 ms of CPU on 100,000
     * entries); the sample reads a window of them (well under 1 ms). Only the plan depends on this, never the results.
     */
    public Route route(Tx tx, CollectionSchema c, SearchTerms terms, int limit) throws SQLException {
        if (tx.dialect() != Dialect.SQLITE) return Route.JOIN;
        long documents = tx.count("SELECT COALESCE(MAX(doc), 0) FROM " + docs(c));
        boolean prefix = terms.phrases().stream().anyMatch(SearchTerms.Phrase::prefix);
        boolean phrase = terms.phrases().stream().anyMatch(p -> p.words().size() > 1);
        long join = threshold(prefix || phrase ? 5 : 1, limit, documents);
        long probe = prefix ? Long.MAX_VALUE : phrase ? join : threshold(30, limit, documents);
        long matches = estimate(tx, c, terms, documents, Math.min(probe, 2L * SAMPLE));
        if (matches < join) return Route.JOIN;
        return matches < probe ? Route.WALK_MATCHES : Route.WALK_PROBING;
    }

    /** √(k · page · documents), within 500–20,000. */
    private static long threshold(int k, int limit, long documents) {
        return Math.max(500, Math.min(20_000, (long) Math.sqrt((double) k * (limit + 1) * documents)));
    }

    /** The matches of {@code terms}: counted up to {@code cap} in a small index, estimated from a sample in a larger one. */
    private static long estimate(Tx tx, CollectionSchema c, SearchTerms terms, long documents, long cap) throws SQLException {
        if (documents < 2 * SAMPLE) {
            return tx.count("SELECT COUNT(*) FROM (SELECT 1 FROM " + fts(c) + " WHERE " + fts(c) + " MATCH ? LIMIT ?)",
                    terms.fts5(), cap);
        }
        long from = documents / 2 - SAMPLE / 2;
        long hits = tx.count("SELECT COUNT(*) FROM " + fts(c) + " WHERE " + fts(c) + " MATCH ? AND rowid BETWEEN ? AND ?",
                terms.fts5(), from, from + SAMPLE - 1);
        return hits * documents / SAMPLE;
    }

    /** SQLite: the collections that have a full-text index, by pk. */
    public List<Long> indexedCollections(Tx tx) throws SQLException {
        return tx.list("SELECT collection_pk FROM search_indexes ORDER BY collection_pk", rs -> rs.getLong(1));
    }

    /** SQLite: how many segments (b-trees) the collection's index is in: FTS5 keeps rows per segment in {@code _idx}. */
    public int segments(Tx tx, long collectionPk) throws SQLException {
        return (int) tx.count("SELECT COUNT(DISTINCT segid) FROM " + fts(collectionPk) + "_idx");
    }

    /**
     * SQLite: a fingerprint of the collection's index layout: FTS5's structure record (row 10 of {@code _data}: its
     * segments, levels and a count of segments written), which changes with every write that reaches the index.
     */
    public long layout(Tx tx, long collectionPk) throws SQLException {
        return tx.one("SELECT block FROM " + fts(collectionPk) + "_data WHERE id = 10", rs -> {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(rs.getBytes(1));
            return crc.getValue();
        }).orElse(0L);
    }

    /**
     * SQLite: one step of merging the collection's index into a single segment (FTS5's {@code merge} with a negative
     * size: every segment, whatever its level), writing about {@code pages} pages; false when there was nothing left to
     * merge (FTS5 then counts fewer than two changes).
     */
    public boolean mergeStep(Tx tx, long collectionPk, int pages) throws SQLException {
        String t = fts(collectionPk);
        long before = tx.count("SELECT total_changes()");
        tx.update("INSERT INTO " + t + " (" + t + ", rank) VALUES ('merge', ?)", -pages);
        return tx.count("SELECT total_changes()") - before >= 2;
    }

    /** Document numbers in the sample of {@link #route}. */
    static final int SAMPLE = 2048;

    private static String fts(CollectionSchema c) {
        return c.table() + "_fts";
    }

    /** The same for a collection known by its pk only (its table is {@code e_<pk>}, see {@link CollectionSchema#table}). */
    private static String fts(long collectionPk) {
        return "e_" + collectionPk + "_fts";
    }

    private static String docs(CollectionSchema c) {
        return c.table() + "_sdoc";
    }

    private static String search(CollectionSchema c) {
        return c.table() + "_search";
    }
}
