package dev.vellum.query;

import java.util.List;

/**
 * A filter checked against a schema: attributes resolved, values typed, and {@code not} pushed down
 * to the conditions (negation normal form). Logic is two-valued: a condition on a missing (null)
 * value is false, and a negated condition is exactly its complement, so {@code not} never loses
 * entries to SQL's unknown. The SQL translation ({@code content.FilterSql}) and the in-memory
 * {@code content.FilterEvaluator} both follow this tree.
 */
public sealed interface Filter {

    /** Matches every entry. */
    Filter ALL = new All(List.of());

    /** All parts hold (no parts: true). */
    record All(List<Filter> parts) implements Filter {
        public All { parts = List.copyOf(parts); }
    }

    /** At least one part holds (no parts: false). */
    record Any(List<Filter> parts) implements Filter {
        public Any { parts = List.copyOf(parts); }
    }

    /** One condition on one attribute; {@code negated}: the entries it does not match. */
    record Test(Attribute attribute, Predicate predicate, boolean negated) implements Filter {
        public Test negate() {
            return new Test(attribute, predicate, !negated);
        }

        /** What the condition says about a missing value (no value, no referenced entry). */
        public boolean holdsForNull() {
            return (predicate instanceof Predicate.IsNull) != negated;
        }
    }

    /**
     * What a condition asks of a value. Values are {@code String} (text, dates), {@code Long} or
     * {@code Double} (numbers), or {@code Boolean}. All but {@link IsNull} are false on a null value.
     */
    sealed interface Predicate {
        /** {@code value op operand}; {@code !=} is a negated {@code =}. */
        record Compare(Comparison op, Object operand) implements Predicate {}

        /** The value is one of {@code operands} ({@code in}). */
        record OneOf(List<Object> operands) implements Predicate {
            public OneOf { operands = List.copyOf(operands); }
        }

        /** Text contains {@code needle}, ignoring ASCII case ({@code ~} on text). */
        record ContainsText(String needle) implements Predicate {}

        /** A list has an element equal to one of {@code operands} ({@code ~} and {@code in} on lists). */
        record HasElement(List<Object> operands) implements Predicate {
            public HasElement { operands = List.copyOf(operands); }
        }

        record IsNull() implements Predicate {}
    }

    enum Comparison { EQ, LT, LE, GT, GE }
}
