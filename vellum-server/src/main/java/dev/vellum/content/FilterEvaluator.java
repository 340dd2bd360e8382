package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.query.Attribute;
import dev.vellum.query.Filter;
import dev.vellum.query.Filter.Predicate;
import dev.vellum.query.FilterValues;
import dev.vellum.schema.CollectionSchema;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a {@link Filter} on entries in memory, with exactly the meaning of its SQL translation:
 * two-valued logic, NULL fails every condition but {@code is null}, text {@code ~} ignores ASCII case
 * only, and {@code ref.field} reads null when there is no reference, the referenced entry is gone,
 * or it is a draft that the caller may not see.
 */
public final class FilterEvaluator {
    private final EntryResolver resolver;
    private final boolean publishedOnly;

    /** Finds an entry of another collection by id, for {@code ref.field}. */
    @FunctionalInterface
    public interface EntryResolver {
        Optional<Entry> find(CollectionSchema collection, String id);
    }

    public FilterEvaluator(EntryResolver resolver, boolean publishedOnly) {
        this.resolver = resolver;
        this.publishedOnly = publishedOnly;
    }

    public boolean matches(Filter f, Entry e) {
        return switch (f) {
            case Filter.All all -> all.parts().stream().allMatch(p -> matches(p, e));
            case Filter.Any any -> any.parts().stream().anyMatch(p -> matches(p, e));
            case Filter.Test t -> holds(t.predicate(), value(t.attribute(), e)) != t.negated();
        };
    }

    private static boolean holds(Predicate p, Object v) {
        return switch (p) {
            case Predicate.IsNull n -> v == null;
            case Predicate.Compare c -> v != null && compares(c, FilterValues.compare(v, c.operand()));
            case Predicate.OneOf in -> v != null && in.operands().stream().anyMatch(o -> FilterValues.compare(v, o) == 0);
            case Predicate.ContainsText c -> v != null && asciiLower((String) v).contains(asciiLower(c.needle()));
            case Predicate.HasElement h -> v != null && ((List<?>) v).stream()
                    .anyMatch(item -> item != null && h.operands().stream().anyMatch(o -> FilterValues.compare(item, o) == 0));
        };
    }

    private static boolean compares(Predicate.Compare c, int cmp) {
        return switch (c.op()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    private Object value(Attribute a, Entry e) {
        Entry source = e;
        if (a.via() != null) {
            JsonNode ref = e.fields().get(a.via().reference().id());
            if (ref == null || !ref.isTextual()) return null;
            source = resolver.find(a.via().target(), ref.textValue()).filter(t -> !publishedOnly || !t.draft()).orElse(null);
            if (source == null) return null;
        }
        return read(source, a);
    }

    /** The value of an attribute of {@code e} itself (its {@code via} is not followed), as filters see it. */
    public static Object read(Entry e, Attribute a) {
        if (a.field() != null) return FilterValues.read(a.type(), e.fields().get(a.field().id()));
        return switch (a.name()) {
            case "id" -> e.id();
            case "slug" -> e.slug();
            case "draft" -> e.draft();
            case "version" -> e.version();
            case "created_at" -> e.createdAt();
            case "updated_at" -> e.updatedAt();
            case "publish_at" -> e.publishAt();
            default -> throw new IllegalStateException("unknown system attribute " + a.name());
        };
    }

    /** Lower-cases A–Z only, as SQLite's LIKE and PostgreSQL's ILIKE under the "C" collation do. */
    static String asciiLower(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) out = new StringBuilder(s);
                out.setCharAt(i, (char) (c + 32));
            }
        }
        return out == null ? s : out.toString();
    }
}
