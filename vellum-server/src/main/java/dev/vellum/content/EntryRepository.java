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
import dev.vellum.search.SearchIndexRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL for entries in a collection's table. */
final class EntryRepository {
    private static final String SYSTEM = "id, slug, draft, version, created_at, updated_at, publish_at";
    /** The full-text index, kept in step with every write here, in the same transaction. */
    private final SearchIndexRepository search = new SearchIndexRepository();

    public void insert(Tx tx, CollectionSchema c, Entry e) throws SQLException {
        StringBuilder cols = new StringBuilder(SYSTEM);
        StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?, ?, ?");
        List<Object> params = new ArrayList<>(List.of(e.id(), e.slug(), e.draft(), e.version(), e.createdAt(), e.updatedAt()));
        params.add(e.publishAt());
        for (Field f : c.fields()) {
            cols.append(", ").append(f.column());
            marks.append(", ").append(placeholder(tx, f));
            params.add(ColumnCodec.param(f.type(), e.fields().get(f.id())));
        }
        try {
            tx.update("INSERT INTO " + c.table() + " (" + cols + ") VALUES (" + marks + ")", params);
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        search.put(tx, c, e.id(), e.slug(), e.fields());
    }

    /** Writes {@code e} over the stored entry if that is still at {@code expectedVersion}; false if not. */
    public boolean update(Tx tx, CollectionSchema c, Entry e, long expectedVersion) throws SQLException {
        StringBuilder set = new StringBuilder("slug = ?, draft = ?, version = ?, updated_at = ?, publish_at = ?");
        List<Object> params = new ArrayList<>(List.of(e.slug(), e.draft(), e.version(), e.updatedAt()));
        params.add(e.publishAt());
        for (Field f : c.fields()) {
            set.append(", ").append(f.column()).append(" = ").append(placeholder(tx, f));
            params.add(ColumnCodec.param(f.type(), e.fields().get(f.id())));
        }
        params.add(e.id());
        params.add(expectedVersion);
        boolean updated;
        try {
            updated = tx.update("UPDATE " + c.table() + " SET " + set + " WHERE id = ? AND version = ?", params) == 1;
        } catch (SQLException ex) {
            throw translate(c, ex);
        }
        if (updated) search.put(tx, c, e.id(), e.slug(), e.fields());
        return updated;
    }

    /** A unique violation becomes 409 naming the field (slug, id or a unique field); anything else stays a storage error. */
    private static RuntimeException translate(CollectionSchema c, SQLException ex) {
        var violated = SqlErrors.uniqueViolation(ex);
        if (violated.isEmpty()) return SqlErrors.translate(ex);
        String name = violated.get();
        String prefix = c.table();
        if (name.equals(prefix + ".slug") || name.equals(prefix + "_slug")) {
            return new VellumException.Conflict("slug_taken", "Another entry of this collection has this slug",
                    List.of(new FieldError("slug", "slug_taken", "another entry has this slug")));
        }
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

    /** Of {@code base} and {@code base-<anything>}, the slugs in use (one index range scan; at most {@code limit}). */
    public Set<String> slugsLike(Tx tx, CollectionSchema c, String base, int limit) throws SQLException {
        // '.' is the character after '-': [base + "-", base + ".") holds exactly the slugs starting with base + "-"
        return new HashSet<>(tx.list("SELECT slug FROM " + c.table() + " WHERE slug = ? OR (slug >= ? AND slug < ?) LIMIT ?",
                rs -> rs.getString(1), base, base + "-", base + ".", (long) limit));
    }

    /** The oldest entry whose field {@code f} holds {@code value} (normalised for the field's type). */
    public Optional<Entry> findByField(Tx tx, CollectionSchema c, Field f, JsonNode value) throws SQLException {
        return tx.one(select(c, null) + " WHERE " + f.column() + " = " + placeholder(tx, f) + " ORDER BY id LIMIT 1",
                rs -> map(rs, c, null), ColumnCodec.param(f.type(), value));
    }



    /** Of {@code ids}, those that exist in the collection. */
    public Set<String> existing(Tx tx, CollectionSchema c, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            found.addAll(tx.list("SELECT id FROM " + c.table() + " WHERE id IN (" + marks + ")", rs -> rs.getString(1), chunk));
        }
        return found;
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
