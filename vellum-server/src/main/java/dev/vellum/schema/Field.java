package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a collection's schema. {@code help} is guidance shown beside the field in forms;
 * {@code defaultValue} (normalised for the type, or null) prepopulates new entries' forms;
 * {@code searchable} (default true) says whether full-text search indexes a textual field's values.
 */
public record Field(String id, String name, FieldType type, boolean required, boolean unique, String description,
                    String help, JsonNode defaultValue, boolean searchable) {

    public Field(String id, String name, FieldType type, boolean required, boolean unique, String description,
                 String help, JsonNode defaultValue) {
        this(id, name, type, required, unique, description, help, defaultValue, true);
    }

    public Field(String id, String name, FieldType type, boolean required, boolean unique, String description) {
        this(id, name, type, required, unique, description, null, null);
    }

    /** The column that holds this field in its collection's table. Field ids are checked to be SQL-safe. */
    public String column() {
        return "f_" + id;
    }
}
