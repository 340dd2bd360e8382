package dev.vellum.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A filter as written: the syntax tree {@link FilterParser} builds, before it is checked against a
 * schema. Every node knows where it starts in the filter text, for error messages.
 */
public sealed interface FilterExpr {

    int position();

    record Or(List<FilterExpr> parts, int position) implements FilterExpr {
        public Or { parts = List.copyOf(parts); }
    }

    record And(List<FilterExpr> parts, int position) implements FilterExpr {
        public And { parts = List.copyOf(parts); }
    }

    record Not(FilterExpr operand, int position) implements FilterExpr {}

    /** {@code path op value}, with op one of {@code = != < <= > >= ~}; {@code opPosition}: where op is. */
    record Comparison(Path path, Operator op, int opPosition, Literal value) implements FilterExpr {
        @Override public int position() { return path.position(); }
    }

    /** {@code path in [v, …]}. */
    record In(Path path, List<Literal> values) implements FilterExpr {
        public In { values = List.copyOf(values); }
        @Override public int position() { return path.position(); }
    }

    /** {@code path is null} or, with {@code negated}, {@code path is not null}. */
    record IsNull(Path path, boolean negated) implements FilterExpr {
        @Override public int position() { return path.position(); }
    }

    /** A field id or system attribute, or {@code reference.field} through a reference field. */
    record Path(String head, String tail, int position) {
        public String text() {
            return tail == null ? head : head + "." + tail;
        }
    }

    enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("~");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }
    }

    /** A typed constant: a string, a number or a boolean. Dates are written as strings. */
    sealed interface Literal {
        int position();

        record Text(String value, int position) implements Literal {}

        record Number(BigDecimal value, String source, int position) implements Literal {}

        record Bool(boolean value, int position) implements Literal {}
    }
}
