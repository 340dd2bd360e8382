package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.storage.Dialect.ColumnKind;
import dev.vellum.time.Timestamps;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * An ISO 8601 date ({@code 2024-05-01}, kept as is) or date-time with an offset, kept in UTC as
 * {@code 2024-05-01T10:00:00.000Z}: fixed width, so text order is time order.
 */
public record DateType() implements FieldType {
    @Override public String name() { return "date"; }
    @Override public ColumnKind column() { return ColumnKind.TIMESTAMP; }

    @Override
    public JsonNode normalize(JsonNode value) throws InvalidValue {
        String s = Values.text(value, "an ISO 8601 date or date-time string").strip();
        try {
            if (s.length() == 10) return TextNode.valueOf(LocalDate.parse(s).toString());
            if (Timestamps.isCanonical(s)) return TextNode.valueOf(s); // as stored already: no parsing (bulk imports send these)
            return TextNode.valueOf(Timestamps.format(Timestamps.parse(s)));
        } catch (DateTimeParseException e) {
            throw new InvalidValue("invalid_date", "must be an ISO 8601 date (2024-05-01) or date-time with offset (2024-05-01T10:00:00Z)");
        }
    }

    @Override public void writeOptions(ObjectNode field) {}
}
