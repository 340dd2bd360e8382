package dev.vellum.content;

import dev.vellum.storage.SqlErrors;
import dev.vellum.storage.Dialect;
import dev.vellum.storage.JsonColumns;
import dev.vellum.storage.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.search.SearchDocument;
import dev.vellum.search.SearchIndexRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL for entries in a collection's table. */
final class EntryRepository {
    private static final String SYSTEM = "id, slug, draft, version, created_at, updated_at, publish_at";
    /** The full-text index, kept in step with every write here, in the same transaction. */
    private final SearchIndexRepository search = new SearchIndexRepository();

    /*
     * The rows of a collection are written here and only here: insert/insertAll, update/updateAll, delete.
     * Work that must follow a row in the same transaction (the search index kept beside the table) is done in
     * these methods, and in bulk in the *All ones, which a batch of 1,000 calls once.
     */

    public void insert(Tx tx, CollectionSchema c, Entry e) throws SQLException {
        insert(tx, c, e, null);
    }

    /** {@link #insert} with the entry's field values already {@link Encoded encoded} (or null: encoded here). */
    public void insert(Tx tx, CollectionSchema c, Entry e, Encoded encoded) throws SQLException {
        try {
            tx.update(insertSql(tx, c), insertParams(c, e, encoded == null ? null : encoded.columns()));
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        if (encoded == null) search.put(tx, c, e.id(), e.slug(), e.fields());
        else search.putAll(tx, c, List.of(new SearchIndexRepository.Indexed(e.id(), e.slug(), e.fields(), encoded.words())));
    }

    /**
     * Inserts {@code rows} with one prepared statement run as a JDBC batch. A unique violation fails the
     * whole call (409, as {@link #insert}); callers that want per-row outcomes check slugs first.
     */
    public void insertAll(Tx tx, CollectionSchema c, List<Entry> rows) throws SQLException {
        insertAll(tx, c, rows, java.util.Collections.nCopies(rows.size(), null));
    }

    /**
     * A new row's field values as {@link #insertAll} needs them, made before the write transaction (the one writer
     * then only binds them): the column parameters, and the words the search index keeps of them.
     */
    record Encoded(Object[] columns, SearchDocument.FieldWords words) {
        static Encoded of(CollectionSchema c, ObjectNode fields) {
            return new Encoded(encode(c, fields), SearchDocument.words(c, fields));
        }
    }

    /** {@link #insertAll} with each row's field values already {@link Encoded encoded} (or null: encoded here). */
    public void insertAll(Tx tx, CollectionSchema c, List<Entry> rows, List<Encoded> encoded) throws SQLException {
        if (rows.isEmpty()) return;
        List<Object[]> params = new ArrayList<>(rows.size());
        List<SearchIndexRepository.Indexed> indexed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Entry e = rows.get(i);
            Encoded enc = encoded.get(i);
            params.add(insertParams(c, e, enc == null ? null : enc.columns()));
            indexed.add(new SearchIndexRepository.Indexed(e.id(), e.slug(), e.fields(), enc == null ? null : enc.words()));
        }
        try {
            tx.batch(insertSql(tx, c), params);
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        search.putAll(tx, c, indexed);
    }

    /** A collection's INSERT and UPDATE, built once per schema version rather than once per write. */
    private record Statements(long version, Dialect dialect, String insert, String update) {}

    private final Map<String, Statements> statements = new java.util.concurrent.ConcurrentHashMap<>();

    private Statements statements(Tx tx, CollectionSchema c) {
        Statements s = statements.get(c.table());
        if (s == null || s.version() != c.version() || s.dialect() != tx.dialect()) {
            s = new Statements(c.version(), tx.dialect(), buildInsert(tx, c), buildUpdate(tx, c));
            statements.put(c.table(), s);
        }
        return s;
    }

    private String insertSql(Tx tx, CollectionSchema c) {
        return statements(tx, c).insert();
    }

    private String updateSql(Tx tx, CollectionSchema c) {
        return statements(tx, c).update();
    }

    private static String buildInsert(Tx tx, CollectionSchema c) {
        StringBuilder cols = new StringBuilder(SYSTEM);
        StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?, ?, ?");
        for (Field f : c.fields()) {
            cols.append(", ").append(f.column());
            marks.append(", ").append(placeholder(tx, f));
        }
        return "INSERT INTO " + c.table() + " (" + cols + ") VALUES (" + marks + ")";
    }

    private static Object[] insertParams(CollectionSchema c, Entry e, Object[] encoded) {
        Object[] values = encoded != null ? encoded : encode(c, e.fields());
        Object[] params = new Object[7 + values.length];
        params[0] = e.id();
        params[1] = e.slug();
        params[2] = e.draft();
        params[3] = e.version();
        params[4] = e.createdAt();
        params[5] = e.updatedAt();
        params[6] = e.publishAt();
        System.arraycopy(values, 0, params, 7, values.length);
        return params;
    }

    /** The column parameters of an entry's field values, in schema order (work a batch does before its transaction). */
    static Object[] encode(CollectionSchema c, ObjectNode fields) {
        Object[] values = new Object[c.fields().size()];
        int i = 0;
        for (Field f : c.fields()) values[i++] = ColumnCodec.param(f.type(), fields.get(f.id()));
        return values;
    }

    /** Writes {@code e} over the stored entry if that is still at {@code expectedVersion}; false if not. */
    public boolean update(Tx tx, CollectionSchema c, Entry e, long expectedVersion) throws SQLException {
        boolean updated;
        try {
            updated = tx.update(updateSql(tx, c), updateParams(c, e, expectedVersion)) == 1;
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        if (updated) search.put(tx, c, e.id(), e.slug(), e.fields());
        return updated;
    }

    /** An update of an entry from the version it was read at. */
    record Update(Entry next, long expectedVersion) {}

    /** {@link #update} for many entries, one JDBC batch; false if any of them was no longer at its expected version. */
    public boolean updateAll(Tx tx, CollectionSchema c, List<Update> changes) throws SQLException {
        if (changes.isEmpty()) return true;
        List<Object[]> params = new ArrayList<>(changes.size());
        for (Update ch : changes) params.add(updateParams(c, ch.next(), ch.expectedVersion()));
        try {
            for (int n : tx.batch(updateSql(tx, c), params)) if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) return false;
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        List<SearchIndexRepository.Indexed> indexed = new ArrayList<>(changes.size());
        for (Update ch : changes) indexed.add(new SearchIndexRepository.Indexed(ch.next().id(), ch.next().slug(), ch.next().fields(), null));
        search.putAll(tx, c, indexed);
        return true;
    }

    private static String buildUpdate(Tx tx, CollectionSchema c) {
        StringBuilder set = new StringBuilder("slug = ?, draft = ?, version = ?, updated_at = ?, publish_at = ?");
        for (Field f : c.fields()) set.append(", ").append(f.column()).append(" = ").append(placeholder(tx, f));
        return "UPDATE " + c.table() + " SET " + set + " WHERE id = ? AND version = ?";
    }

    private static Object[] updateParams(CollectionSchema c, Entry e, long expectedVersion) {
        Object[] params = new Object[7 + c.fields().size()];
        params[0] = e.slug();
        params[1] = e.draft();
        params[2] = e.version();
        params[3] = e.updatedAt();
        params[4] = e.publishAt();
        int i = 5;
        for (Field f : c.fields()) params[i++] = ColumnCodec.param(f.type(), e.fields().get(f.id()));
        params[i++] = e.id();
        params[i] = expectedVersion;
        return params;
    }

    /** A unique violation becomes 409 naming the field (slug, id or a unique field); anything else stays a storage error. */
    private static RuntimeException translate(CollectionSchema c, SQLException ex) {
        var violated = SqlErrors.uniqueViolation(ex);
        if (violated.isEmpty()) return SqlErrors.translate(ex);
        String name = violated.get();
        String prefix = c.table();
        if (name.equals(prefix + ".slug") || name.equals(prefix + "_slug")) return slugTaken();
        if (name.equals(prefix + ".id") || name.equals(prefix + "_pkey")) {
            return new VellumException.Conflict("id_taken", "An entry with this id exists",
                    List.of(new FieldError("id", "id_taken", "an entry with this id exists")));
        }
        for (Field f : c.fields()) {
            if (name.equals(prefix + "." + f.column()) || name.equals(EntryTables.uniqueIndexName(c, f.id()))) {
                return new VellumException.Conflict("unique_violation", "Another entry has the same value for a unique field",
                        List.of(new FieldError("fields." + f.id(), "not_unique", "another entry has this value")));
            }
        }
        return SqlErrors.translate(ex);
    }

    /** 409 for a slug another entry of the collection holds. */
    static VellumException slugTaken() {
        return new VellumException.Conflict("slug_taken", "Another entry of this collection has this slug",
                List.of(new FieldError("slug", "slug_taken", "another entry has this slug")));
    }

    public boolean delete(Tx tx, CollectionSchema c, String id) throws SQLException {
        if (tx.update("DELETE FROM " + c.table() + " WHERE id = ?", id) != 1) return false;
        search.remove(tx, c, id);
        return true;
    }

    public Optional<Entry> find(Tx tx, CollectionSchema c, String id) throws SQLException {
        return tx.one(select(c, null) + " WHERE id = ?", rs -> map(rs, c, null), id);
    }

    public Optional<Entry> findBySlug(Tx tx, CollectionSchema c, String slug) throws SQLException {
        return tx.one(select(c, null) + " WHERE slug = ?", rs -> map(rs, c, null), slug);
    }

    /**
     * Of each {@code base} and {@code base-<anything>}, the slugs in use and their entries' ids: one index range scan
     * per base (at most {@code limit} slugs each), up to 16 bases per statement.
     */
    public Map<String, String> slugsLike(Tx tx, CollectionSchema c, Collection<String> bases, int limit) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(bases));
        for (int from = 0; from < all.size(); from += 16) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 16));
            int shape = Integer.highestOneBit(chunk.size()) == chunk.size() ? chunk.size() : Integer.highestOneBit(chunk.size()) << 1;
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < shape; i++) {
                String base = chunk.get(Math.min(i, chunk.size() - 1)); // padded with the last base: a few statement shapes
                if (i > 0) sql.append(" UNION ALL ");
                // '.' is the character after '-': [base + "-", base + ".") holds exactly the slugs starting with base + "-"
                sql.append("SELECT slug, id FROM (SELECT slug, id FROM ").append(c.table())
                        .append(" WHERE slug = ? OR (slug >= ? AND slug < ?) LIMIT ?) AS s").append(i);
                params.addAll(List.of(base, base + "-", base + ".", (long) limit));
            }
            for (String[] row : tx.list(sql.toString(), rs -> new String[] {rs.getString(1), rs.getString(2)}, params)) {
                owners.put(row[0], row[1]);
            }
        }
        return owners;
    }

    /** The oldest entry whose field {@code f} holds {@code value} (normalised for the field's type). */
    public Optional<Entry> findByField(Tx tx, CollectionSchema c, Field f, JsonNode value) throws SQLException {
        return tx.one(select(c, null) + " WHERE " + f.column() + " = " + placeholder(tx, f) + " ORDER BY id LIMIT 1",
                rs -> map(rs, c, null), ColumnCodec.param(f.type(), value));
    }



    /** Of {@code ids}, those that exist in the collection. */
    public Set<String> existing(Tx tx, CollectionSchema c, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(ids)) {
            found.addAll(tx.list("SELECT id FROM " + c.table() + " WHERE id IN (" + marks(chunk.size()) + ")", rs -> rs.getString(1), chunk));
        }
        return found;
    }

    /** The entries with these ids (or, {@code bySlug}, these slugs), keyed by id (or slug). */
    public Map<String, Entry> findAll(Tx tx, CollectionSchema c, Collection<String> keys, boolean bySlug) throws SQLException {
        Map<String, Entry> found = new HashMap<>();
        for (Entry e : findAll(tx, c, keys, bySlug ? "slug" : "id", null)) found.put(bySlug ? e.slug() : e.id(), e);
        return found;
    }

    /** The entries whose {@code key} column ({@code id} or {@code slug}) is one of {@code keys}, with the projected fields ({@code null}: all). */
    public List<Entry> findAll(Tx tx, CollectionSchema c, Collection<String> keys, String key, Set<String> fields) throws SQLException {
        List<Entry> found = new ArrayList<>();
        for (List<String> chunk : chunks(keys)) {
            found.addAll(tx.list(select(c, fields) + " WHERE " + key + " IN (" + marks(chunk.size()) + ")", rs -> map(rs, c, fields), chunk));
        }
        return found;
    }

    /** Of {@code slugs}, those in use: slug → the id of the entry that has it. */
    public Map<String, String> slugOwners(Tx tx, CollectionSchema c, Collection<String> slugs) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        for (List<String> chunk : chunks(slugs)) {
            for (String[] row : tx.list("SELECT slug, id FROM " + c.table() + " WHERE slug IN (" + marks(chunk.size()) + ")",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, chunk)) {
                owners.put(row[0], row[1]);
            }
        }
        return owners;
    }

    /**
     * {@code keys} in chunks of at most 512 for {@code IN (…)} lists, each padded (with its first key repeated)
     * to a power of two, so a collection's lookups use a handful of statement shapes and the statement cache
     * keeps them instead of churning through one shape per size.
     */
    static List<List<String>> chunks(Collection<String> keys) {
        List<String> list = List.copyOf(new java.util.LinkedHashSet<>(keys));
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < list.size(); from += 512) {
            List<String> chunk = new ArrayList<>(list.subList(from, Math.min(list.size(), from + 512)));
            int size = Math.max(8, Integer.highestOneBit(chunk.size() - 1) << 1);
            while (chunk.size() < size) chunk.add(chunk.getFirst());
            out.add(chunk);
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String placeholder(Tx tx, Field f) {
        return f.type().column() == Dialect.ColumnKind.JSON ? tx.dialect().jsonPlaceholder() : "?";
    }

    /** SELECT of the system columns and the projected fields ({@code null}: all). */
    static String select(CollectionSchema c, Set<String> fields) {
        return columns(c, fields) + " FROM " + c.table();
    }

    /** {@code SELECT} and the columns of {@link #select}, without the FROM clause. */
    static String columns(CollectionSchema c, Set<String> fields) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SYSTEM);
        for (Field f : c.fields()) if (fields == null || fields.contains(f.id())) sql.append(", ").append(f.column());
        return sql.toString();
    }

    /** Maps a row of {@link #select} with the same {@code fields}: the system columns 1–7, then the fields in schema order. */
    static Entry map(ResultSet rs, CollectionSchema c, Set<String> fields) throws SQLException {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        int column = 8;
        for (Field f : c.fields()) {
            if (fields == null || fields.contains(f.id())) values.set(f.id(), ColumnCodec.read(rs, column++, f.type()));
        }
        return new Entry(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), values);
    }
}
