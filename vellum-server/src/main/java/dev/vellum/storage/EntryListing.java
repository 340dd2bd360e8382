package dev.vellum.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.content.Entry;
import dev.vellum.query.Cursor;
import dev.vellum.query.Filter;
import dev.vellum.query.ListQuery;
import dev.vellum.query.Page;
import dev.vellum.query.SortKey;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.TextType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists entries with keyset paging: ORDER BY the sort keys then id, and a cursor that holds the
 * last row's keys, so a page starts strictly after it whatever was inserted or deleted meanwhile.
 * NULL sorts as the smallest value in both dialects. The id tie-break follows the last key's direction,
 * so one index (value, id) serves both directions.
 */
public final class EntryListing {

    /** A WHERE fragment with its parameters. */
    public record Condition(String sql, List<Object> params) {}

    public Page page(Tx tx, CollectionSchema c, ListQuery q, String fingerprint) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.publishedOnly()) where.add("draft = " + (tx.dialect() == Dialect.SQLITE ? "0" : "false"));
        if (q.filter() != Filter.ALL) {
            Condition f = FilterSql.condition(q.filter(), tx.dialect(), q.publishedOnly());
            where.add(f.sql());
            params.addAll(f.params());
        }
        List<Object> baseParams = List.copyOf(params);
        List<String> baseWhere = List.copyOf(where);
        List<Key> keys = keys(c, q.sort());
        if (q.after() != null) {
            where.add(after(tx.dialect(), keys, q.after(), params));
        }
        Set<String> columns = withSortFields(c, q.fields(), keys); // the cursor needs the last row's sort values
        StringBuilder sql = new StringBuilder(EntryRepository.select(c, columns));
        if (!where.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", where));
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            if (i > 0) sql.append(", ");
            sql.append(k.column).append(k.descending ? " DESC" : " ASC").append(k.column.equals("id") ? "" : tx.dialect().nulls(!k.descending));
        }
        sql.append(" LIMIT ?");
        params.add((long) q.limit() + 1);
        List<Entry> rows = tx.list(sql.toString(), rs -> EntryRepository.map(rs, c, columns), params);
        Cursor next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Entry last = rows.getLast();
            List<JsonNode> values = new ArrayList<>();
            for (Key k : keys.subList(0, keys.size() - 1)) values.add(valueOf(last, k, c));
            next = new Cursor(values, last.id(), fingerprint);
        }
        if (columns != q.fields()) rows = rows.stream().map(e -> projected(e, q.fields())).toList();
        Long total = null;
        if (q.includeTotal()) {
            String count = "SELECT COUNT(*) FROM " + c.table() + (baseWhere.isEmpty() ? "" : " WHERE " + String.join(" AND ", baseWhere));
            total = tx.count(count, baseParams.toArray());
        }
        return new Page(List.copyOf(rows), next, total);
    }

    private static Set<String> withSortFields(CollectionSchema c, Set<String> fields, List<Key> keys) {
        if (fields == null) return null;
        Set<String> columns = new HashSet<>(fields);
        for (Key k : keys) if (c.field(k.attribute).isPresent()) columns.add(k.attribute);
        return columns.size() == fields.size() ? fields : columns;
    }

    private static Entry projected(Entry e, Set<String> fields) {
        ObjectNode values = e.fields().deepCopy();
        values.retain(fields);
        return new Entry(e.id(), e.slug(), e.draft(), e.version(), e.createdAt(), e.updatedAt(), e.publishAt(), values);
    }

    private record Key(String attribute, String column, boolean descending, FieldType type) {}

    private static List<Key> keys(CollectionSchema c, List<SortKey> sort) {
        List<Key> keys = new ArrayList<>();
        boolean lastDescending = false;
        for (SortKey s : sort) {
            if (s.attribute().equals("id")) break; // id is always the final key
            keys.add(new Key(s.attribute(), column(c, s.attribute()), s.descending(), typeOf(c, s.attribute())));
            lastDescending = s.descending();
        }
        boolean idDescending = sort.stream().filter(s -> s.attribute().equals("id")).findFirst()
                .map(SortKey::descending).orElse(lastDescending);
        keys.add(new Key("id", "id", idDescending, new TextType(null, null)));
        return keys;
    }

    private static String column(CollectionSchema c, String attribute) {
        return c.field(attribute).map(Field::column).orElse(attribute);
    }

    /** The type used to bind a cursor value; system attributes have fixed types. */
    private static FieldType typeOf(CollectionSchema c, String attribute) {
        return c.field(attribute).map(Field::type).orElseGet(() -> switch (attribute) {
            case "version" -> new NumberType(true, null, null);
            case "draft" -> new dev.vellum.schema.BooleanType();
            default -> new TextType(null, null);
        });
    }

    private static JsonNode valueOf(Entry e, Key k, CollectionSchema c) {
        return switch (k.attribute) {
            case "slug" -> TextNode.valueOf(e.slug());
            case "draft" -> BooleanNode.valueOf(e.draft());
            case "version" -> LongNode.valueOf(e.version());
            case "created_at" -> TextNode.valueOf(e.createdAt());
            case "updated_at" -> TextNode.valueOf(e.updatedAt());
            case "publish_at" -> e.publishAt() == null ? com.fasterxml.jackson.databind.node.NullNode.instance : TextNode.valueOf(e.publishAt());
            default -> e.fields().get(k.attribute);
        };
    }

    /**
     * Rows strictly after the cursor: OR over i of (keys before i equal AND key i beyond).
     * With one key and a non-null value this is a row-value comparison, which uses the (value, id) index.
     */
    private static String after(Dialect d, List<Key> keys, Cursor cur, List<Object> params) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size() - 1; i++) values.add(ColumnCodec.param(keys.get(i).type, cur.values().get(i)));
        values.add(cur.id());
        if (keys.size() == 2 && values.get(0) != null && keys.get(0).descending == keys.get(1).descending) {
            Key k = keys.get(0);
            params.add(values.get(0));
            params.add(values.get(1));
            String cmp = "(" + k.column + ", id) " + (k.descending ? "<" : ">") + " (?, ?)";
            return k.descending ? "(" + cmp + " OR " + k.column + " IS NULL)" : cmp;
        }
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Object> local = new ArrayList<>();
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) ands.add(equal(keys.get(j), values.get(j), local));
            String beyond = beyond(keys.get(i), values.get(i), local);
            if (beyond == null) continue; // nothing sorts after NULL in a descending key
            ands.add(beyond);
            ors.add("(" + String.join(" AND ", ands) + ")");
            params.addAll(local);
        }
        return ors.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", ors) + ")";
    }

    private static String equal(Key k, Object v, List<Object> params) {
        if (v == null) return k.column + " IS NULL";
        params.add(v);
        return k.column + " = ?";
    }

    /** Strictly after {@code v} in this key's order; null when nothing can be (descending past NULL). */
    private static String beyond(Key k, Object v, List<Object> params) {
        if (!k.descending) {
            if (v == null) return k.column + " IS NOT NULL";
            params.add(v);
            return k.column + " > ?";
        }
        if (v == null) return null;
        params.add(v);
        return "(" + k.column + " < ? OR " + k.column + " IS NULL)";
    }
}
