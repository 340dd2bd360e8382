package dev.vellum.content;

import dev.vellum.storage.Dialect;
import dev.vellum.storage.JsonColumns;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vellum.query.Attribute;
import dev.vellum.query.Filter;
import dev.vellum.query.Filter.Predicate;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.EnumType;
import dev.vellum.content.EntryListing.Condition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A checked {@link Filter} as a parameterised WHERE condition. Identifiers come only from the schema
 * (columns of checked field ids, the target collection's table); every value is a bound parameter.
 * <p>
 * Filters are two-valued: a positive condition is TRUE exactly when it holds (NULL or FALSE otherwise,
 * which WHERE treats alike), and a negated one is spelled as its complement including NULL
 * ({@code col IS NULL OR col >= ?}). As {@code not} only appears at conditions, AND/OR of these
 * agree with {@link dev.vellum.content.FilterEvaluator}. {@code ref.field} becomes an uncorrelated
 * {@code IN (SELECT id …)} on the target table.
 */
public final class FilterSql {
    private final Dialect dialect;
    private final boolean publishedOnly;
    private final IndexUse indexUse;
    private final List<Object> params = new ArrayList<>();

    /**
     * Which conditions may reach rows through their own index on SQLite. Its planner knows how many
     * rows an equality matches (stat1), not a range, and it weighs neither against LIMIT: given
     * {@code status = "live"} and a sort on another column, it fetches and sorts every live entry
     * rather than walk the sort index until the page is full (400 ms instead of 0.5 ms on 100,000
     * entries). So on SQLite a page walks the index of its first sort key; ranges on other columns and
     * equalities on enum and boolean fields are checked row by row (written {@code +col}, which keeps
     * an index off); selective equalities (text, numbers, dates, references, slug, id) keep their index.
     * A count visits every match anyway and only keeps ranges off. PostgreSQL's planner weighs LIMIT
     * and real histograms, so it gets plain columns.
     * {@code sortColumn}: the page's first sort column; null for a count.
     */
    private record IndexUse(boolean sqlite, String sortColumn) {
        String column(Attribute a, boolean range) {
            String col = a.column();
            if (!sqlite || a.via() != null || col.equals(sortColumn)) return col;
            boolean fewValues = switch (a.type()) {
                case EnumType e -> true;
                case BooleanType b -> true;
                default -> false;
            };
            return range || (fewValues && sortColumn != null) ? "+" + col : col;
        }
    }

    private FilterSql(Dialect dialect, boolean publishedOnly, IndexUse indexUse) {
        this.dialect = dialect;
        this.publishedOnly = publishedOnly;
        this.indexUse = indexUse;
    }

    /**
     * The condition for {@code f} in a page sorted first by {@code sortColumn}; {@code publishedOnly}:
     * referenced drafts read as missing.
     */
    public static Condition condition(Filter f, Dialect dialect, boolean publishedOnly, String sortColumn) {
        return new FilterSql(dialect, publishedOnly, new IndexUse(dialect == Dialect.SQLITE, sortColumn)).where(f);
    }

    /** The same condition for COUNT(*), which visits every match: on SQLite, ranges stay off indexes. */
    public static Condition forCount(Filter f, Dialect dialect, boolean publishedOnly) {
        return new FilterSql(dialect, publishedOnly, new IndexUse(dialect == Dialect.SQLITE, null)).where(f);
    }

    private Condition where(Filter f) {
        String sql = node(f);
        return new Condition(sql, List.copyOf(params));
    }

    private String node(Filter f) {
        return switch (f) {
            case Filter.All all -> junction(all.parts(), " AND ", "1 = 1");
            case Filter.Any any -> junction(any.parts(), " OR ", "1 = 0");
            case Filter.Test t -> t.attribute().via() == null ? test(t) : throughReference(t);
        };
    }

    private String junction(List<Filter> parts, String joiner, String empty) {
        if (parts.isEmpty()) return empty;
        if (parts.size() == 1) return node(parts.getFirst());
        List<String> sql = new ArrayList<>();
        for (Filter p : parts) sql.add(node(p));
        return "(" + String.join(joiner, sql) + ")";
    }

    /**
     * {@code ref.field}: the target's value, or null when there is no (visible) target. A condition
     * false on null needs a target where it holds; one true on null needs no target where it fails.
     */
    private String throughReference(Filter.Test t) {
        Attribute.Via via = t.attribute().via();
        String ref = via.reference().column();
        boolean holdsForNull = t.holdsForNull();
        StringBuilder sub = new StringBuilder("SELECT id FROM ").append(via.target().table()).append(" WHERE ")
                .append(test(holdsForNull ? t.negate() : t));
        if (publishedOnly) {
            sub.append(" AND draft = ?");
            params.add(Boolean.FALSE);
        }
        return holdsForNull ? "(" + ref + " IS NULL OR " + ref + " NOT IN (" + sub + "))" : ref + " IN (" + sub + ")";
    }

    private String test(Filter.Test t) {
        String col = t.attribute().column();
        boolean not = t.negated();
        return switch (t.predicate()) {
            case Predicate.IsNull n -> col + (not ? " IS NOT NULL" : " IS NULL");
            case Predicate.Compare c -> {
                params.add(c.operand());
                String operand = indexUse.column(t.attribute(), c.op() != Filter.Comparison.EQ);
                yield not ? "(" + col + " IS NULL OR " + operand + " " + complement(c.op()) + " ?)" : operand + " " + symbol(c.op()) + " ?";
            }
            case Predicate.OneOf in -> {
                if (in.operands().isEmpty()) yield not ? "1 = 1" : "1 = 0";
                params.addAll(in.operands());
                String list = marks(in.operands().size());
                String operand = indexUse.column(t.attribute(), false);
                yield not ? "(" + col + " IS NULL OR " + operand + " NOT IN (" + list + "))" : operand + " IN (" + list + ")";
            }
            case Predicate.ContainsText c -> {
                params.add("%" + escapeLike(c.needle()) + "%");
                String like = dialect == Dialect.SQLITE ? "LIKE" : "ILIKE"; // ASCII-only case folding on both (see docs/query.md)
                yield not ? "(" + col + " IS NULL OR " + col + " NOT " + like + " ? ESCAPE '\\')" : col + " " + like + " ? ESCAPE '\\'";
            }
            case Predicate.HasElement h -> hasElement(col, h.operands(), not);
        };
    }

    /** SQLite: a scan of json_each; PostgreSQL: jsonb containment, which the GIN index on the column serves. */
    private String hasElement(String col, List<Object> operands, boolean not) {
        if (operands.isEmpty()) return not ? "1 = 1" : "1 = 0";
        if (dialect == Dialect.SQLITE) {
            params.addAll(operands);
            String exists = "EXISTS (SELECT 1 FROM json_each(" + col + ") WHERE value IN (" + marks(operands.size()) + "))";
            return not ? "NOT " + exists : exists; // json_each(NULL) is empty, so NOT EXISTS holds for NULL
        }
        List<String> any = new ArrayList<>();
        for (Object o : operands) {
            ArrayNode one = JsonNodeFactory.instance.arrayNode();
            switch (o) {
                case String s -> one.add(s);
                case Long l -> one.add(l);
                case Double d -> one.add(d);
                case Boolean b -> one.add(b);
                default -> throw new IllegalArgumentException("not a list element: " + o);
            }
            params.add(JsonColumns.write(one));
            any.add(col + " @> CAST(? AS jsonb)");
        }
        String contains = any.size() == 1 ? any.getFirst() : "(" + String.join(" OR ", any) + ")";
        return not ? "(" + col + " IS NULL OR NOT " + contains + ")" : contains;
    }

    private static String symbol(Filter.Comparison op) {
        return switch (op) {
            case EQ -> "=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    private static String complement(Filter.Comparison op) {
        return switch (op) {
            case EQ -> "<>";
            case LT -> ">=";
            case LE -> ">";
            case GT -> "<=";
            case GE -> "<";
        };
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The needle as a LIKE pattern fragment: {@code \}, {@code %} and {@code _} escaped with {@code \}. */
    static String escapeLike(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '%' || c == '_') out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
