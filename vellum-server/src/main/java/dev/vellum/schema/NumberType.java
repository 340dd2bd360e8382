package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;

/** A number; {@code integer} keeps whole numbers only; {@code min}/{@code max} bound it inclusively. */
public record NumberType(boolean integer, Double min, Double max) implements FieldType {
    private static final double SAFE_INTEGER = 9_007_199_254_740_991d; // 2^53 - 1, exact in JSON clients

    @Override public String name() { return "number"; }
    @Override public ColumnKind column() { return integer ? ColumnKind.INTEGER : ColumnKind.REAL; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        if (!value.isNumber()) throw new InvalidValue("type_mismatch", "must be a number");
        double d = value.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new InvalidValue("type_mismatch", "must be a finite number");
        if (min != null && d < min) throw new InvalidValue("too_small", "must be ≥ " + Numbers.format(min));
        if (max != null && d > max) throw new InvalidValue("too_large", "must be ≤ " + Numbers.format(max));
        if (integer) {
            if (!value.canConvertToExactIntegral() || Math.abs(d) > SAFE_INTEGER) {
                throw new InvalidValue("not_integer", "must be a whole number");
            }
            return LongNode.valueOf(value.asLong());
        }
        return Numbers.node(d);
    }

    @Override
    public void writeOptions(ObjectNode field) {
        if (integer) field.put("integer", true);
        if (min != null) field.set("min", Numbers.node(min));
        if (max != null) field.set("max", Numbers.node(max));
    }

    /** Whole doubles print as integers ({@code 3}, not {@code 3.0}). */
    public static final class Numbers {
        private Numbers() {}

        public static JsonNode node(double d) {
            return d == Math.rint(d) && Math.abs(d) <= SAFE_INTEGER ? LongNode.valueOf((long) d) : DoubleNode.valueOf(d);
        }

        static String format(double d) {
            return node(d).asText();
        }
    }
}
