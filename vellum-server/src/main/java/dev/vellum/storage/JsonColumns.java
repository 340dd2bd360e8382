package dev.vellum.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.SQLException;

/** JSON values in text (SQLite) and jsonb (PostgreSQL) columns: the one codec every repository uses. */
public final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader TREE = JSON.reader();

    private JsonColumns() {}

    /** The column text of a JSON tree. */
    public static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The JSON tree of a column's text; corrupt text is a storage error. */
    public static JsonNode read(String s) throws SQLException {
        try {
            return TREE.readTree(s);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt JSON value in column", e);
        }
    }
}
