package dev.vellum.storage;

/** The two SQL dialects Vellum speaks. Only what really differs between them lives here. */
public enum Dialect {
    SQLITE {
        @Override public String columnType(ColumnKind kind) {
            return switch (kind) {
                case TEXT, TIMESTAMP -> "TEXT";
                case INTEGER, BOOLEAN -> "INTEGER";
                case REAL -> "REAL";
                case JSON -> "TEXT";
            };
        }
        @Override public String jsonPlaceholder() { return "?"; }
        @Override public String nulls(boolean ascending) { return ""; } // SQLite: NULL is the smallest value
        @Override public String jsonArrayElements(String column) { return "json_each(" + column + ")"; }
        @Override public String jsonArrayElementValue() { return "value"; }
    },
    POSTGRES {
        @Override public String columnType(ColumnKind kind) {
            return switch (kind) {
                case TEXT, TIMESTAMP -> "text COLLATE \"C\""; // byte order, the same as SQLite's BINARY
                case INTEGER -> "bigint";
                case BOOLEAN -> "boolean";
                case REAL -> "double precision";
                case JSON -> "jsonb";
            };
        }
        @Override public String jsonPlaceholder() { return "CAST(? AS jsonb)"; }
        @Override public String nulls(boolean ascending) { return ascending ? " NULLS FIRST" : " NULLS LAST"; }
        @Override public String jsonArrayElements(String column) { return "jsonb_array_elements_text(" + column + ")"; }
        @Override public String jsonArrayElementValue() { return "value"; }
    };

    /** How a value is kept in a column, independent of dialect. */
    public enum ColumnKind { TEXT, INTEGER, REAL, BOOLEAN, TIMESTAMP, JSON }

    public abstract String columnType(ColumnKind kind);

    /** The placeholder for a JSON parameter bound as a string. */
    public abstract String jsonPlaceholder();

    /** Suffix for ORDER BY so that NULL sorts as the smallest value in both dialects. */
    public abstract String nulls(boolean ascending);

    /** A table-valued expression over the elements of a JSON array column. */
    public abstract String jsonArrayElements(String column);

    public abstract String jsonArrayElementValue();

    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
