package dev.vellum.importers;

/** What a running import tells its job and asks of it (the shape of a job's context). */
public interface ImportContext {

    /** Progress of one phase: {@code done} of {@code total} items ({@code total} -1 when unknown yet). */
    void progress(String phase, long done, long total);

    /** True when the job was cancelled: the import stops at the next item boundary. */
    boolean cancelled();

    /** An import with no job around it (the CLI's local mode, tests). */
    ImportContext NONE = new ImportContext() {
        @Override public void progress(String phase, long done, long total) { }
        @Override public boolean cancelled() { return false; }
    };
}
