package dev.vellum.query;

import dev.vellum.content.FilterEvaluator;
import dev.vellum.content.Entry;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SystemAttributes;
import java.util.Comparator;

/**
 * The documented list order, computed in memory: the sort keys in turn (NULL smallest, '-' reverses),
 * then id in the direction of the last key (or of an explicit {@code id} key, which ends the sort).
 */
final class EntryOrder {
    private EntryOrder() {}

    static Comparator<Entry> of(CollectionSchema c, String sort) {
        Comparator<Entry> order = (a, b) -> 0;
        boolean idDescending = false;
        if (sort != null && !sort.isBlank()) {
            for (String raw : sort.split(",")) {
                boolean descending = raw.startsWith("-");
                String name = descending ? raw.substring(1) : raw;
                idDescending = descending;
                if (name.equals("id")) break;
                Attribute a = SystemAttributes.NAMES.contains(name) ? Attribute.system(name, name, null)
                        : Attribute.field(name, c.field(name).orElseThrow(), null);
                Comparator<Entry> key = (x, y) -> compareNullsFirst(FilterEvaluator.read(x, a), FilterEvaluator.read(y, a));
                order = order.thenComparing(descending ? key.reversed() : key);
            }
        }
        Comparator<Entry> byId = Comparator.comparing(Entry::id);
        return order.thenComparing(idDescending ? byId.reversed() : byId);
    }

    private static int compareNullsFirst(Object x, Object y) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        return FilterValues.compare(x, y);
    }
}
