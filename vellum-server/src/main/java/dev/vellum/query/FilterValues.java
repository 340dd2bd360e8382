package dev.vellum.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.error.FieldError;
import dev.vellum.query.FilterExpr.Literal;
import dev.vellum.schema.ColorType;
import dev.vellum.schema.DateType;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.InvalidValue;
import dev.vellum.schema.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Values in the filter language: literals typed for an attribute, stored values read the same way,
 * and the one order both are compared in (numbers by value, text by Unicode code point, which is
 * the byte order of SQLite's BINARY and PostgreSQL's "C" collation).
 */
public final class FilterValues {
    private FilterValues() {}

    /**
     * {@code lit} as a value of {@code a}'s scalar type: String, Long or Double, or Boolean.
     * {@code canonical}: normalise it as a stored value would be (enum options, colours), for = and in.
     */
    static Optional<Object> scalar(Attribute a, Literal lit, boolean canonical, List<FieldError> errors) {
        return typed(a.path(), a.type(), lit, canonical, errors);
    }

    /** {@code lit} as an element of {@code a}'s list type. */
    static Optional<Object> element(Attribute a, Literal lit, List<FieldError> errors) {
        return typed(a.path(), ValueKind.element(a.type()), lit, true, errors);
    }

    /** {@code lit} as a text needle (for {@code ~}). */
    static Optional<String> text(Attribute a, Literal lit, List<FieldError> errors) {
        if (lit instanceof Literal.Text t) return Optional.of(t.value());
        errors.add(mismatch(a.path(), a.type(), lit));
        return Optional.empty();
    }

    private static Optional<Object> typed(String path, FieldType type, Literal lit, boolean canonical, List<FieldError> errors) {
        int reported = errors.size();
        Object v = switch (ValueKind.of(type)) {
            case TEXT -> lit instanceof Literal.Text t ? text(type, t, canonical, errors) : null;
            case DATE -> lit instanceof Literal.Text t ? normalised(new DateType(), t, errors) : null;
            case NUMBER -> lit instanceof Literal.Number n ? number((NumberType) type, n, errors) : null;
            case BOOLEAN -> lit instanceof Literal.Bool b ? b.value() : null;
            case LIST, DOCUMENT -> null;
        };
        if (v == null && errors.size() == reported) errors.add(mismatch(path, type, lit));
        return Optional.ofNullable(v);
    }

    private static Object text(FieldType type, Literal.Text t, boolean canonical, List<FieldError> errors) {
        if (!canonical) return t.value();
        return switch (type) {
            case EnumType e -> {
                if (e.options().contains(t.value())) yield t.value();
                errors.add(FilterErrors.error("not_an_option", "\"" + t.value() + "\" is not one of " + e.options(), t.position()));
                yield null;
            }
            case ColorType c -> normalised(c, t, errors);
            default -> t.value();
        };
    }

    private static Object normalised(FieldType type, Literal.Text t, List<FieldError> errors) {
        try {
            return type.normalize(TextNode.valueOf(t.value())).textValue();
        } catch (InvalidValue e) {
            errors.add(FilterErrors.error("invalid_value", "\"" + t.value() + "\" is not a valid " + type.name() + ": " + e.getMessage(),
                    t.position()));
            return null;
        }
    }

    /** Integer fields compare whole literals exactly as Long; anything else is a Double. */
    private static Object number(NumberType type, Literal.Number n, List<FieldError> errors) {
        if (type.integer()) {
            try {
                return n.value().longValueExact();
            } catch (ArithmeticException notWholeOrTooLarge) {
                // compared as a double below
            }
        }
        double d = n.value().doubleValue();
        if (Double.isInfinite(d)) {
            errors.add(FilterErrors.error("out_of_range", "the number " + n.source() + " is out of range", n.position()));
            return null;
        }
        return d;
    }

    private static FieldError mismatch(String path, FieldType type, Literal lit) {
        String given = switch (lit) {
            case Literal.Text t -> "a string";
            case Literal.Number n -> "a number";
            case Literal.Bool b -> "a boolean";
        };
        String wanted = switch (ValueKind.of(type)) {
            case TEXT -> "a \"string\"";
            case DATE -> "a date string (\"2024-05-01\" or \"2024-05-01T10:00:00Z\")";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case LIST, DOCUMENT -> "nothing";
        };
        return FilterErrors.error("type_mismatch", "'" + path + "' is " + article(type.name()) + " " + type.name()
                + " value: compare it with " + wanted + ", not " + given, lit.position());
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /** A stored value as the filter language sees it: null, a scalar, or for lists a List of scalars. */
    public static Object read(FieldType type, JsonNode v) {
        if (v == null || v.isNull()) return null;
        return switch (ValueKind.of(type)) {
            case TEXT, DATE -> v.textValue();
            case NUMBER -> v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.longValue() : (Object) v.doubleValue();
            case BOOLEAN -> v.booleanValue();
            case LIST -> {
                FieldType element = ValueKind.element(type);
                List<Object> out = new ArrayList<>();
                v.forEach(item -> out.add(read(element, item)));
                yield out;
            }
            case DOCUMENT -> v;
        };
    }

    /** The order of two non-null values of one kind: numbers by value, text by code point, false before true. */
    public static int compare(Object a, Object b) {
        return switch (a) {
            case String s -> compareCodePoints(s, (String) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case Long x when b instanceof Long y -> Long.compare(x, y);
            case Number x -> compareDoubles(x.doubleValue(), ((Number) b).doubleValue());
            default -> throw new IllegalArgumentException("not comparable: " + a);
        };
    }

    /** Like SQL: -0.0 equals 0.0 (Double.compare would not). */
    private static int compareDoubles(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
