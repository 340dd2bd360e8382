package dev.vellum.content;

import dev.vellum.schema.FieldType;
import dev.vellum.content.EntryListing.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows after a cursor in keyset paging, as a sequence of conditions ("segments") whose results,
 * each ordered by the sort and concatenated, are exactly the rows after the cursor in list order.
 * <p>
 * Rows after the cursor are those whose first key differing from the cursor's lies beyond it; grouped
 * by that key, the group with the longest equal prefix comes first. A descending key has NULLs last,
 * so "beyond" splits in two: smaller values, then NULL. Keeping each segment a plain conjunction
 * (equal prefix + one range) lets the database seek in the (value, id) index instead of scanning
 * from the start, as a single {@code (… OR col IS NULL)} condition would make it do.
 * The common tail "value, then id in the same direction" is one row-value comparison.
 */
final class KeysetSegments {

    /** One sort key: its attribute, column, direction and the type its cursor value is bound as. */
    record SortColumn(String attribute, String column, boolean descending, FieldType type) {}

    private KeysetSegments() {}

    /** {@code values}: the cursor's bound values, one per key (the last is the id, never null). */
    static List<Condition> after(List<SortColumn> keys, List<Object> values) {
        List<Condition> segments = new ArrayList<>();
        int last = keys.size() - 1;
        int i = last;
        SortColumn idKey = keys.get(last);
        SortColumn before = last > 0 ? keys.get(last - 1) : null;
        if (before != null && values.get(last - 1) != null && before.descending() == idKey.descending()) {
            // (value, id) beyond (v, id) covers "value equal, id beyond" and "value beyond, not null"
            List<Object> params = equalParams(keys, values, last - 1);
            params.add(values.get(last - 1));
            params.add(values.get(last));
            String cmp = "(" + before.column() + ", id) " + (before.descending() ? "<" : ">") + " (?, ?)";
            segments.add(new Condition(join(equalSql(keys, values, last - 1), cmp), params));
            if (before.descending()) segments.add(new Condition(join(equalSql(keys, values, last - 1), before.column() + " IS NULL"),
                    equalParams(keys, values, last - 1)));
            i = last - 2;
        }
        for (; i >= 0; i--) {
            SortColumn k = keys.get(i);
            Object v = values.get(i);
            String prefix = equalSql(keys, values, i);
            if (v != null) {
                List<Object> params = equalParams(keys, values, i);
                params.add(v);
                segments.add(new Condition(join(prefix, k.column() + (k.descending() ? " < ?" : " > ?")), params));
            }
            if (i < last && (k.descending() ? v != null : v == null)) {
                // descending: NULLs come after every value; ascending from NULL: every value comes after
                segments.add(new Condition(join(prefix, k.column() + (k.descending() ? " IS NULL" : " IS NOT NULL")),
                        equalParams(keys, values, i)));
            }
        }
        return segments;
    }

    /** Keys 0..n-1 equal to the cursor's values. */
    private static String equalSql(List<SortColumn> keys, List<Object> values, int n) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < n; j++) parts.add(keys.get(j).column() + (values.get(j) == null ? " IS NULL" : " = ?"));
        return String.join(" AND ", parts);
    }

    private static List<Object> equalParams(List<SortColumn> keys, List<Object> values, int n) {
        List<Object> params = new ArrayList<>();
        for (int j = 0; j < n; j++) if (values.get(j) != null) params.add(values.get(j));
        return params;
    }

    private static String join(String prefix, String condition) {
        return prefix.isEmpty() ? condition : prefix + " AND " + condition;
    }
}
