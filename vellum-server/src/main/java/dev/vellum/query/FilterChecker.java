package dev.vellum.query;

import dev.vellum.error.FieldError;
import dev.vellum.query.Filter.Comparison;
import dev.vellum.query.Filter.Predicate;
import dev.vellum.query.FilterExpr.Literal;
import dev.vellum.query.FilterExpr.Operator;
import dev.vellum.query.FilterExpr.Path;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.SystemAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a parsed filter against a collection's schema and types it: every name must be a field
 * or system attribute, every operator must suit the value's kind, every literal must have the
 * field's type. All faults are reported at once, each with its position. {@code not} is pushed
 * down to the conditions on the way (De Morgan), giving the negation normal form of {@link Filter}.
 */
public final class FilterChecker {
    private final CollectionSchema collection;
    private final CollectionLookup lookup;
    private final List<FieldError> errors = new ArrayList<>();

    private FilterChecker(CollectionSchema collection, CollectionLookup lookup) {
        this.collection = collection;
        this.lookup = lookup;
    }

    public static Filter check(FilterExpr expr, CollectionSchema collection, CollectionLookup lookup) {
        FilterChecker checker = new FilterChecker(collection, lookup);
        Filter f = checker.check(expr, false);
        if (!checker.errors.isEmpty()) throw FilterErrors.invalid(checker.errors);
        return f;
    }

    /** Parses and checks {@code text}; a blank filter matches everything. */
    public static Filter parse(String text, CollectionSchema collection, CollectionLookup lookup) {
        if (text == null || text.isBlank()) return Filter.ALL;
        return check(FilterParser.parse(text), collection, lookup);
    }

    private Filter check(FilterExpr e, boolean negated) {
        return switch (e) {
            case FilterExpr.Or or -> junction(or.parts(), negated, !negated);
            case FilterExpr.And and -> junction(and.parts(), negated, negated);
            case FilterExpr.Not not -> check(not.operand(), !negated);
            case FilterExpr.IsNull n -> test(n.path(), a -> new Predicate.IsNull(), n.negated() != negated);
            case FilterExpr.In in -> test(in.path(), a -> membership(a, in), negated);
            case FilterExpr.Comparison c -> test(c.path(), a -> comparison(a, c), negated != (c.op() == Operator.NE));
        };
    }

    private Filter junction(List<FilterExpr> parts, boolean negated, boolean any) {
        List<Filter> checked = new ArrayList<>();
        for (FilterExpr p : parts) checked.add(check(p, negated));
        return any ? new Filter.Any(checked) : new Filter.All(checked);
    }

    private interface PredicateFor {
        Predicate of(Attribute a);
    }

    private Filter test(Path path, PredicateFor predicate, boolean negated) {
        Optional<Attribute> a = resolve(path);
        if (a.isEmpty()) return Filter.ALL;
        Predicate p = predicate.of(a.get());
        return p == null ? Filter.ALL : new Filter.Test(a.get(), p, negated);
    }

    private Predicate comparison(Attribute a, FilterExpr.Comparison c) {
        ValueKind kind = a.kind();
        Literal lit = c.value();
        if (c.op() == Operator.CONTAINS) {
            return switch (kind) {
                case TEXT -> FilterValues.text(a, lit, errors).map(s -> (Predicate) new Predicate.ContainsText(s)).orElse(null);
                case LIST -> FilterValues.element(a, lit, errors).map(v -> (Predicate) new Predicate.HasElement(List.of(v))).orElse(null);
                default -> unsupported(a, c.op().symbol, c.opPosition(), "'~' applies to text and lists");
            };
        }
        if (kind == ValueKind.LIST) return unsupported(a, c.op().symbol, c.opPosition(), "use '~' to test for an element, or 'in [...]'");
        if (kind == ValueKind.DOCUMENT) return unsupported(a, c.op().symbol, c.opPosition(), "only 'is null' and 'is not null' apply");
        if (c.op().ordering() && kind == ValueKind.BOOLEAN) return unsupported(a, c.op().symbol, c.opPosition(), "booleans have no order");
        Comparison op = switch (c.op()) {
            case LT -> Comparison.LT;
            case LE -> Comparison.LE;
            case GT -> Comparison.GT;
            case GE -> Comparison.GE;
            default -> Comparison.EQ; // = and != (a negated =)
        };
        return FilterValues.scalar(a, lit, !c.op().ordering(), errors).map(v -> (Predicate) new Predicate.Compare(op, v)).orElse(null);
    }

    private Predicate membership(Attribute a, FilterExpr.In in) {
        List<Object> values = new ArrayList<>();
        boolean list = a.kind() == ValueKind.LIST;
        if (a.kind() == ValueKind.DOCUMENT) return unsupported(a, "in", in.position(), "only 'is null' and 'is not null' apply");
        for (Literal lit : in.values()) {
            (list ? FilterValues.element(a, lit, errors) : FilterValues.scalar(a, lit, true, errors)).ifPresent(values::add);
        }
        if (values.size() != in.values().size()) return null;
        return list ? new Predicate.HasElement(values) : new Predicate.OneOf(values);
    }

    private Predicate unsupported(Attribute a, String op, int position, String hint) {
        errors.add(FilterErrors.error("operator_not_supported",
                "'" + op + "' does not apply to '" + a.path() + "' (" + a.type().name() + "): " + hint, position));
        return null;
    }

    private Optional<Attribute> resolve(Path path) {
        if (path.tail() == null) return attribute(collection, path.head(), path, null);
        Optional<Field> ref = collection.field(path.head());
        if (ref.isEmpty()) return unknown(path, path.head(), collection);
        if (!(ref.get().type() instanceof ReferenceType r)) {
            errors.add(FilterErrors.error("not_a_reference", "'" + path.head() + "' is a " + ref.get().type().name()
                    + " field; only reference fields can be followed with '.'", path.position()));
            return Optional.empty();
        }
        Optional<CollectionSchema> target = lookup.find(r.collection());
        if (target.isEmpty()) {
            errors.add(FilterErrors.error("unknown_collection", "'" + path.head() + "' points at collection '" + r.collection()
                    + "', which does not exist", path.position()));
            return Optional.empty();
        }
        return attribute(target.get(), path.tail(), path, new Attribute.Via(ref.get(), target.get()));
    }

    private Optional<Attribute> attribute(CollectionSchema c, String name, Path path, Attribute.Via via) {
        if (SystemAttributes.NAMES.contains(name)) return Optional.of(Attribute.system(path.text(), name, via));
        Optional<Field> f = c.field(name);
        if (f.isEmpty()) return unknown(path, name, c);
        return Optional.of(Attribute.field(path.text(), f.get(), via));
    }

    private Optional<Attribute> unknown(Path path, String name, CollectionSchema c) {
        errors.add(FilterErrors.error("unknown_field", "no field or attribute '" + name + "' in collection '" + c.id() + "'",
                path.position()));
        return Optional.empty();
    }
}
