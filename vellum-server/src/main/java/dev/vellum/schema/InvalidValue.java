package dev.vellum.schema;

/** A value that does not fit its field. Cheap: thrown per field during validation, no stack trace. */
public final class InvalidValue extends Exception {
    private final String code;

    public InvalidValue(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() { return code; }
}
