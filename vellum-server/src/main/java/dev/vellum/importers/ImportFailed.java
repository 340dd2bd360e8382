package dev.vellum.importers;

/** An import that cannot go on (unreadable source, site gone, wrong password): the job fails with this message. */
public final class ImportFailed extends RuntimeException {
    private final String code;

    public ImportFailed(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ImportFailed(String code, String message) {
        this(code, message, null);
    }

    public String code() {
        return code;
    }
}
