package dev.vellum.schema;

/** One field of a collection's schema. */
public record Field(String id, String name, FieldType type, boolean required, boolean unique, String description) {

    /** The column that holds this field in its collection's table. Field ids are checked to be SQL-safe. */
    public String column() {
        return "f_" + id;
    }
}
