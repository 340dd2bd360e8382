package dev.vellum.importers;

/** Thrown out of an import whose job was cancelled; everything written before stays (and is mapped). */
public final class ImportCancelled extends RuntimeException {
    public ImportCancelled() {
        super("the import was cancelled", null, false, false);
    }
}
