package dev.vellum.content;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.query.Cursor;
import dev.vellum.query.ListQuery;
import dev.vellum.query.SortKey;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.TextType;
import dev.vellum.content.KeysetSegments.SortColumn;
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
final class EntryListing {

    /** A WHERE fragment with its parameters. */
    public record Condition(String sql, List<Object> params) {}

    public Page page(Tx tx, CollectionSchema c, ListQuery q, String fingerprint) throws SQLException {
        List<SortColumn> keys = keys(c, q.sort());
        Set<String> columns = withSortFields(c, q.fields(), keys); // the cursor needs the last row's sort values
        List<Entry> rows = new ArrayList<>();
        for (Condition select : selects(tx.dialect(), c, q)) {
            long wanted = q.limit() + 1L - rows.size();
            if (wanted == 0) break;
            List<Object> params = new ArrayList<>(select.params());
            params.add(wanted);
            rows.addAll(tx.list(select.sql(), rs -> EntryRepository.map(rs, c, columns), params));
        }
        Cursor next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Entry last = rows.getLast();
            List<JsonNode> values = new ArrayList<>();
            for (SortColumn k : keys.subList(0, keys.size() - 1)) values.add(valueOf(last, k));
            next = new Cursor(values, last.id(), fingerprint);
        }
        if (columns != q.fields()) rows = rows.stream().map(e -> projected(e, q.fields())).toList();
        Long total = null;
        if (q.includeTotal()) {
            Condition count = count(tx.dialect(), c, q);
            total = tx.count(count.sql(), count.params().toArray());
        }
        return new Page(List.copyOf(rows), next, total);
    }

    /**
     * The SELECTs of one page, run in order until the page is full: one on the first page, the
     * {@link KeysetSegments} after a cursor. Each ends in {@code LIMIT ?}, bound to the rows still wanted.
     */
    static List<Condition> selects(Dialect d, CollectionSchema c, ListQuery q) {
        List<SortColumn> keys = keys(c, q.sort());
        Condition base = base(d, q, FilterSql.condition(q.filter(), d, q.publishedOnly(), keys.getFirst().column()));
        String select = EntryRepository.select(c, withSortFields(c, q.fields(), keys)) + " WHERE " + base.sql();
        String order = orderBy(d, keys) + " LIMIT ?";
        List<Condition> selects = new ArrayList<>();
        for (Condition segment : segments(keys, q.after())) {
            List<Object> params = new ArrayList<>(base.params());
            params.addAll(segment.params());
            selects.add(new Condition(select + " AND " + segment.sql() + order, params));
        }
        return selects;
    }

    /** The whole list on the first page; after a cursor, the segments that follow it (see {@link KeysetSegments}). */
    private static List<Condition> segments(List<SortColumn> keys, Cursor after) {
        if (after == null) return List.of(new Condition("1 = 1", List.of()));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size() - 1; i++) values.add(ColumnCodec.param(keys.get(i).type(), after.values().get(i)));
        values.add(after.id());
        return KeysetSegments.after(keys, values);
    }

    private static String orderBy(Dialect d, List<SortColumn> keys) {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            SortColumn k = keys.get(i);
            if (i > 0) sql.append(", ");
            sql.append(k.column()).append(k.descending() ? " DESC" : " ASC").append(k.column().equals("id") ? "" : d.nulls(!k.descending()));
        }
        return sql.toString();
    }

    /** How many entries match, regardless of the cursor. */
    static Condition count(Dialect d, CollectionSchema c, ListQuery q) {
        Condition where = base(d, q, FilterSql.forCount(q.filter(), d, q.publishedOnly()));
        return new Condition("SELECT COUNT(*) FROM " + c.table() + " WHERE " + where.sql(), where.params());
    }

    /** Draft visibility and the filter. */
    private static Condition base(Dialect d, ListQuery q, Condition filter) {
        if (!q.publishedOnly()) return filter;
        return new Condition("draft = " + (d == Dialect.SQLITE ? "0" : "false") + " AND " + filter.sql(), filter.params());
    }

    private static Set<String> withSortFields(CollectionSchema c, Set<String> fields, List<SortColumn> keys) {
        if (fields == null) return null;
        Set<String> columns = new HashSet<>(fields);
        for (SortColumn k : keys) if (c.field(k.attribute()).isPresent()) columns.add(k.attribute());
        return columns.size() == fields.size() ? fields : columns;
    }

    private static Entry projected(Entry e, Set<String> fields) {
        ObjectNode values = e.fields().deepCopy();
        values.retain(fields);
        return new Entry(e.id(), e.slug(), e.draft(), e.version(), e.createdAt(), e.updatedAt(), e.publishAt(), values);
    }

    private static List<SortColumn> keys(CollectionSchema c, List<SortKey> sort) {
        List<SortColumn> keys = new ArrayList<>();
        boolean lastDescending = false;
        for (SortKey s : sort) {
            if (s.attribute().equals("id")) break; // id is always the final key
            keys.add(new SortColumn(s.attribute(), column(c, s.attribute()), s.descending(), typeOf(c, s.attribute())));
            lastDescending = s.descending();
        }
        boolean idDescending = sort.stream().filter(s -> s.attribute().equals("id")).findFirst()
                .map(SortKey::descending).orElse(lastDescending);
        keys.add(new SortColumn("id", "id", idDescending, new TextType(null, null)));
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

    private static JsonNode valueOf(Entry e, SortColumn k) {
        return switch (k.attribute()) {
            case "slug" -> TextNode.valueOf(e.slug());
            case "draft" -> BooleanNode.valueOf(e.draft());
            case "version" -> LongNode.valueOf(e.version());
            case "created_at" -> TextNode.valueOf(e.createdAt());
            case "updated_at" -> TextNode.valueOf(e.updatedAt());
            case "publish_at" -> e.publishAt() == null ? com.fasterxml.jackson.databind.node.NullNode.instance : TextNode.valueOf(e.publishAt());
            default -> e.fields().get(k.attribute());
        };
    }
}
