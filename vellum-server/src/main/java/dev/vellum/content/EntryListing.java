package dev.vellum.content;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.vellum.search.SearchIndexRepository;
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
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
    /** The sort key of relevance order (not a field id: those start with a letter). */
    private static final String RANK_KEY = "_rank";
    private final EntryCounts counts = new EntryCounts();
    private final SearchIndexRepository search = new SearchIndexRepository();

    /** A WHERE fragment with its parameters. */
    public record Condition(String sql, List<Object> params) {}

    /**
     * Writes one page, {@code {"data": [...], "next_cursor": …, "total": …}}, straight from the result
     * sets to {@code g}: rows are rendered as they are read (see {@link EntryStream}).
     */
    void write(Tx tx, CollectionSchema c, ListQuery q, String fingerprint, RichTextFormat format, AssetSources sources, JsonGenerator g)
            throws SQLException, IOException {
        List<SortColumn> keys = keys(c, q);
        Set<String> columns = withSortFields(c, q.fields(), keys); // the cursor needs the last row's sort values
        int rankColumn = 8 + (int) c.fields().stream().filter(f -> columns == null || columns.contains(f.id())).count();
        PageState state = new PageState();
        // SQLite's driver gives a TEXT value's UTF-8 bytes (EntryStream); a token buffer (a page read as a tree) takes strings only
        boolean utf8 = tx.dialect() == Dialect.SQLITE && !(g instanceof com.fasterxml.jackson.databind.util.TokenBuffer);
        // SQLite, a sorted search that matches many entries: walk the sort's index and test each row (see route)
        SearchIndexRepository.Route route = q.search() == null || q.byRelevance() ? SearchIndexRepository.Route.JOIN
                : search.route(tx, c, q.search(), q.limit());
        g.writeStartObject();
        g.writeArrayFieldStart("data");
        for (Condition select : selects(tx.dialect(), c, q, route)) {
            long wanted = q.limit() + 1L - state.rows;
            if (wanted == 0) break;
            List<Object> params = new ArrayList<>(select.params());
            params.add(wanted);
            tx.list(select.sql(), rs -> {
                if (++state.rows > q.limit()) return null; // the row after the page: there is a next page
                EntryStream.writeRow(rs, c, columns, q.fields(), format, sources, utf8, g);
                if (state.rows == q.limit()) {
                    state.cursorValues = cursorValues(rs, c, columns, keys, rankColumn);
                    state.cursorId = rs.getString(1);
                }
                return null;
            }, params);
        }
        g.writeEndArray();
        Cursor next = state.rows > q.limit() ? new Cursor(state.cursorValues, state.cursorId, fingerprint) : null;
        g.writeFieldName("next_cursor");
        if (next == null) g.writeNull();
        else g.writeString(next.encode());
        if (q.includeTotal()) g.writeNumberField("total", counts.total(tx, c, count(tx.dialect(), c, q)));
        g.writeEndObject();
    }

    /** Rows seen so far and the cursor position of the page's last row. */
    private static final class PageState {
        int rows;
        List<JsonNode> cursorValues;
        String cursorId;
    }

    /** The sort values of the current row (all keys but the final id). */
    private static List<JsonNode> cursorValues(java.sql.ResultSet rs, CollectionSchema c, Set<String> columns, List<SortColumn> keys,
                                               int rankColumn) throws SQLException {
        List<JsonNode> values = new ArrayList<>();
        for (SortColumn k : keys.subList(0, keys.size() - 1)) {
            values.add(k.attribute().equals(RANK_KEY) ? DoubleNode.valueOf(rs.getDouble(rankColumn)) : valueOf(rs, c, columns, k));
        }
        return values;
    }

    private static JsonNode valueOf(java.sql.ResultSet rs, CollectionSchema c, Set<String> columns, SortColumn k) throws SQLException {
        return switch (k.attribute()) {
            case "slug" -> TextNode.valueOf(rs.getString(2));
            case "draft" -> BooleanNode.valueOf(rs.getBoolean(3));
            case "version" -> LongNode.valueOf(rs.getLong(4));
            case "created_at" -> TextNode.valueOf(rs.getString(5));
            case "updated_at" -> TextNode.valueOf(rs.getString(6));
            case "publish_at" -> {
                String s = rs.getString(7);
                yield s == null ? com.fasterxml.jackson.databind.node.NullNode.instance : TextNode.valueOf(s);
            }
            default -> {
                int column = 8;
                for (Field f : c.fields()) {
                    if (columns != null && !columns.contains(f.id())) continue;
                    if (f.id().equals(k.attribute())) yield EntryStream.keyValue(rs, column, f);
                    column++;
                }
                throw new IllegalStateException("sort field " + k.attribute() + " not selected");
            }
        };
    }

    /**
     * The SELECTs of one page, run in order until the page is full: one on the first page, the
     * {@link KeysetSegments} after a cursor. Each ends in {@code LIMIT ?}, bound to the rows still wanted.
     */
    static List<Condition> selects(Dialect d, CollectionSchema c, ListQuery q) {
        return selects(d, c, q, SearchIndexRepository.Route.JOIN);
    }

    /** {@code route}: how a search reaches the page; other than JOIN, rows are tested along the sort's index (SQLite, sorted searches). */
    static List<Condition> selects(Dialect d, CollectionSchema c, ListQuery q, SearchIndexRepository.Route route) {
        List<SortColumn> keys = keys(c, q);
        Condition base = base(d, q, FilterSql.condition(q.filter(), d, q.publishedOnly(), keys.getFirst().column()));
        boolean walk = route != SearchIndexRepository.Route.JOIN;
        Condition from = walk ? new Condition(c.table(), List.of()) : from(d, c, q);
        if (walk) {
            SearchIndexRepository.Source matching = SearchIndexRepository.matchingRow(c, q.search(), route);
            List<Object> params = new ArrayList<>(base.params());
            params.addAll(matching.params());
            base = new Condition(base.sql() + " AND " + matching.sql(), params);
        }
        String select = EntryRepository.columns(c, withSortFields(c, q.fields(), keys))
                + (q.search() == null || walk ? "" : ", " + SearchIndexRepository.RANK) + " FROM " + from.sql() + " WHERE " + base.sql();
        String order = orderBy(d, keys) + " LIMIT ?";
        List<Condition> selects = new ArrayList<>();
        for (Condition segment : segments(keys, q.after())) {
            List<Object> params = new ArrayList<>(from.params());
            params.addAll(base.params());
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
        Condition from = from(d, c, q);
        List<Object> params = new ArrayList<>(from.params());
        params.addAll(where.params());
        return new Condition("SELECT COUNT(*) FROM " + from.sql() + " WHERE " + where.sql(), params);
    }

    /** The entry table, or with a search the entry table joined with its matches and their rank. */
    private static Condition from(Dialect d, CollectionSchema c, ListQuery q) {
        if (q.search() == null) return new Condition(c.table(), List.of());
        SearchIndexRepository.Source s = SearchIndexRepository.source(d, c, q.search());
        return new Condition(s.sql(), s.params());
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

    private static List<SortColumn> keys(CollectionSchema c, ListQuery q) {
        if (q.byRelevance()) {
            return List.of(new SortColumn(RANK_KEY, SearchIndexRepository.RANK, true, new NumberType(false, null, null)),
                    new SortColumn("id", "id", true, new TextType(null, null)));
        }
        List<SortKey> sort = q.sort();
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
}
