package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.NumberType;
import dev.vellum.storage.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Field values to column parameters and back, by the type's column kind. */
final class ColumnCodec {
    private ColumnCodec() {}

    /** A JDBC parameter for a normalised value (null for JSON null). */
    public static Object param(FieldType type, JsonNode value) {
        if (value == null || value.isNull()) return null;
        return switch (type.column()) {
            case TEXT, TIMESTAMP -> value.textValue();
            case INTEGER -> value.longValue();
            case REAL -> value.doubleValue();
            case BOOLEAN -> value.booleanValue();
            case JSON -> JsonColumns.write(value);
        };
    }

    /** The value in column {@code column} (1-based) of the current row; by index, as lookups by name cost a map probe each. */
    public static JsonNode read(ResultSet rs, int column, FieldType type) throws SQLException {
        return switch (type.column()) {
            case TEXT, TIMESTAMP -> {
                String s = rs.getString(column);
                yield s == null ? NullNode.instance : TextNode.valueOf(s);
            }
            case INTEGER -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? NullNode.instance : LongNode.valueOf(v);
            }
            case REAL -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? NullNode.instance : NumberType.Numbers.node(v);
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                yield rs.wasNull() ? NullNode.instance : BooleanNode.valueOf(v);
            }
            case JSON -> {
                String s = rs.getString(column);
                yield s == null ? NullNode.instance : JsonColumns.read(s);
            }
        };
    }
}
