package dev.vellum.content;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import dev.vellum.query.ValueKind;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.CollectionTables;
import dev.vellum.schema.Field;
import dev.vellum.storage.Dialect.ColumnKind;
import dev.vellum.search.SearchDocument;
import dev.vellum.search.SearchIndexRepository;
import dev.vellum.storage.Database;
import java.sql.SQLException;
import java.util.List;

/**
 * DDL for collection tables. Each collection has a table {@code e_<pk>} with the system columns
 * and one column {@code f_<field id>} per field. Identifiers come from the internal pk and from
 * field ids checked against {@code [a-z][a-z0-9_]*}, never from free text.
 * Every scalar field gets an index on (value, id), so sorting and range filters stay fast; on
 * PostgreSQL, list fields (multi_enum, references, arrays of scalars) get a GIN index for "has element".
 */
public final class EntryTables implements CollectionTables {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EntryTables.class);
    private final SearchIndexRepository search = new SearchIndexRepository();

    @Override
    public void create(Tx tx, CollectionSchema c) throws SQLException {
        Dialect d = tx.dialect();
        StringBuilder sql = new StringBuilder("CREATE TABLE " + c.table() + " (")
                .append("id ").append(d.columnType(ColumnKind.TEXT)).append(" PRIMARY KEY, ")
                .append("slug ").append(d.columnType(ColumnKind.TEXT)).append(" NOT NULL, ")
                .append("draft ").append(d.columnType(ColumnKind.BOOLEAN)).append(" NOT NULL, ")
                .append("version ").append(d.columnType(ColumnKind.INTEGER)).append(" NOT NULL, ")
                .append("created_at ").append(d.columnType(ColumnKind.TIMESTAMP)).append(" NOT NULL, ")
                .append("updated_at ").append(d.columnType(ColumnKind.TIMESTAMP)).append(" NOT NULL, ")
                .append("publish_at ").append(d.columnType(ColumnKind.TIMESTAMP));
        for (Field f : c.fields()) sql.append(", ").append(f.column()).append(' ').append(d.columnType(f.type().column()));
        tx.execute(sql.append(')').toString());
        tx.execute("CREATE UNIQUE INDEX " + c.table() + "_slug ON " + c.table() + " (slug)");
        for (String system : new String[] {"created_at", "updated_at", "publish_at"}) {
            tx.execute(index(d, c.table() + "_" + system, c.table(), system));
        }
        for (Field f : c.fields()) createIndexes(tx, c, f);
        search.create(tx, c);
    }

    @Override
    public void drop(Tx tx, CollectionSchema c) throws SQLException {
        search.drop(tx, c);
        tx.execute("DROP TABLE " + c.table());
    }

    /** After a schema change: the full-text index is rebuilt when what it indexes changed (fields, types, searchable). */
    @Override
    public void changed(Tx tx, CollectionSchema before, CollectionSchema after) throws SQLException {
        if (!SearchDocument.signature(before).equals(SearchDocument.signature(after))) rebuildSearch(tx, after);
    }

    /** Builds the full-text index of each collection that has none, or one built for other fields or another analysis. */
    public void buildSearchIndexes(Database db, List<CollectionSchema> collections) {
        for (CollectionSchema c : collections) {
            boolean rebuilt = db.write(tx -> {
                var built = search.signature(tx, c);
                if (built.isPresent() && built.get().equals(SearchDocument.signature(c))) return false;
                rebuildSearch(tx, c);
                return true;
            });
            if (rebuilt) log.info("built the full-text index of collection {}/{}", c.projectId(), c.id());
        }
    }

    /** Drops and recreates the collection's full-text index, then indexes every entry, a page of ids at a time. */
    void rebuildSearch(Tx tx, CollectionSchema c) throws SQLException {
        search.drop(tx, c);
        search.create(tx, c);
        List<Field> indexed = c.fields().stream().filter(SearchDocument::searchable).toList();
        StringBuilder cols = new StringBuilder("id, slug");
        for (Field f : indexed) cols.append(", ").append(f.column());
        String after = "";
        while (true) {
            List<Entry> page = tx.list("SELECT " + cols + " FROM " + c.table() + " WHERE id > ? ORDER BY id LIMIT 500", rs -> {
                var values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < indexed.size(); i++) values.set(indexed.get(i).id(), ColumnCodec.read(rs, i + 3, indexed.get(i).type()));
                return new Entry(rs.getString(1), rs.getString(2), false, 0, null, null, null, values);
            }, after);
            List<SearchIndexRepository.Indexed> rows = new java.util.ArrayList<>(page.size());
            for (Entry e : page) rows.add(new SearchIndexRepository.Indexed(e.id(), e.slug(), e.fields(), null));
            SearchIndexRepository.putAllNow(tx, c, rows); // now, not at the commit: a rebuild holds one page at a time
            if (page.size() < 500) {
                search.optimize(tx, c);
                return;
            }
            after = page.getLast().id();
        }
    }

    @Override
    public void addField(Tx tx, CollectionSchema c, Field f) throws SQLException {
        tx.execute("ALTER TABLE " + c.table() + " ADD COLUMN " + f.column() + " " + tx.dialect().columnType(f.type().column()));
        createIndexes(tx, c, f);
    }

    @Override
    public void dropField(Tx tx, CollectionSchema c, Field f) throws SQLException {
        dropIndexes(tx, c, f.id());
        tx.execute("ALTER TABLE " + c.table() + " DROP COLUMN " + f.column());
    }

    @Override
    public void renameField(Tx tx, CollectionSchema c, Field from, Field to) throws SQLException {
        dropIndexes(tx, c, from.id());
        tx.execute("ALTER TABLE " + c.table() + " RENAME COLUMN " + from.column() + " TO " + to.column());
        createIndexes(tx, c, to);
    }

    /** Adds a column under a temporary name, for a type change: filled, then swapped in by {@link #swapIn}. */
    @Override
    public String addTemporary(Tx tx, CollectionSchema c, Field f) throws SQLException {
        String temp = f.column() + "__new";
        tx.execute("ALTER TABLE " + c.table() + " ADD COLUMN " + temp + " " + tx.dialect().columnType(f.type().column()));
        return temp;
    }

    @Override
    public void swapIn(Tx tx, CollectionSchema c, Field old, String temp, Field replacement) throws SQLException {
        dropField(tx, c, old);
        tx.execute("ALTER TABLE " + c.table() + " RENAME COLUMN " + temp + " TO " + replacement.column());
        createIndexes(tx, c, replacement);
    }

    /** Recreates a field's indexes, after its unique flag changed. */
    @Override
    public void reindex(Tx tx, CollectionSchema c, Field f) throws SQLException {
        dropIndexes(tx, c, f.id());
        createIndexes(tx, c, f);
    }

    private void createIndexes(Tx tx, CollectionSchema c, Field f) throws SQLException {
        if (tx.dialect() == Dialect.POSTGRES && ValueKind.of(f.type()) == ValueKind.LIST) {
            // serves the filter's "has element" (jsonb @>); SQLite scans json_each instead
            tx.execute("CREATE INDEX " + indexName(c, f.id()) + " ON " + c.table() + " USING gin (" + f.column() + " jsonb_path_ops)");
            return;
        }
        if (!f.type().scalar()) return;
        tx.execute(index(tx.dialect(), indexName(c, f.id()), c.table(), f.column()));
        if (f.unique()) {
            tx.execute("CREATE UNIQUE INDEX " + uniqueIndexName(c, f.id()) + " ON " + c.table() + " (" + f.column() + ")");
        }
    }

    private void dropIndexes(Tx tx, CollectionSchema c, String fieldId) throws SQLException {
        tx.execute("DROP INDEX IF EXISTS " + indexName(c, fieldId));
        tx.execute("DROP INDEX IF EXISTS " + uniqueIndexName(c, fieldId));
    }

    /** Index on (column, id) ordered as Vellum sorts: NULL first ascending (PostgreSQL scans it backwards for descending). */
    private static String index(Dialect d, String name, String table, String column) {
        return "CREATE INDEX " + name + " ON " + table + " (" + column + d.nulls(true) + ", id)";
    }

    static String indexName(CollectionSchema c, String fieldId) {
        return c.table() + "_f_" + fieldId;
    }

    /** The name that unique violations report on PostgreSQL; SQLite reports {@code table.column}. */
    @Override
    public long count(Tx tx, CollectionSchema c) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM " + c.table());
    }

    @Override
    public List<IdValue> column(Tx tx, CollectionSchema c, Field f) throws SQLException {
        return tx.list("SELECT id, " + f.column() + " FROM " + c.table() + " WHERE " + f.column() + " IS NOT NULL ORDER BY id",
                rs -> new IdValue(rs.getString(1), ColumnCodec.read(rs, 2, f.type())));
    }

    @Override
    public List<String> nullIn(Tx tx, CollectionSchema c, Field f, int limit) throws SQLException {
        return tx.list("SELECT id FROM " + c.table() + " WHERE " + f.column() + " IS NULL ORDER BY id LIMIT ?",
                rs -> rs.getString(1), (long) limit);
    }

    @Override
    public long countNull(Tx tx, CollectionSchema c, Field f) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM " + c.table() + " WHERE " + f.column() + " IS NULL");
    }

    @Override
    public List<String> duplicated(Tx tx, CollectionSchema c, Field f, int limit) throws SQLException {
        return tx.list("SELECT id FROM " + c.table() + " WHERE " + f.column() + " IN (SELECT " + f.column() + " FROM "
                + c.table() + " WHERE " + f.column() + " IS NOT NULL GROUP BY " + f.column()
                + " HAVING COUNT(*) > 1) ORDER BY id LIMIT ?", rs -> rs.getString(1), (long) limit);
    }

    @Override
    public void setColumn(Tx tx, CollectionSchema c, String column, Field f, List<IdValue> values) throws SQLException {
        tx.batch("UPDATE " + c.table() + " SET " + column + " = " + EntryRepository.placeholder(tx, f) + " WHERE id = ?",
                values.stream().map(v -> new Object[] {ColumnCodec.param(f.type(), v.value()), v.id()}).toList());
    }

    public static String uniqueIndexName(CollectionSchema c, String fieldId) {
        return c.table() + "_f_" + fieldId + "_uq";
    }
}
