package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What a running handler sees of its job, and how it reports back. */
public interface JobContext {

    /** The job as it was when this run started (its params, attempts, the previous run's progress). */
    Job job();

    /** The secrets submitted with the job (decrypted), or an empty object. */
    JsonNode secrets();

    /** Records progress; stored at most a few times a second (the last report always). */
    void progress(JsonNode progress);

    /** Saves where a resumed run should start; stored at once. */
    void checkpoint(JsonNode checkpoint);

    /** The last saved checkpoint, from this run or an earlier one. */
    Optional<JsonNode> checkpoint();

    /** True once someone asked to cancel this job; a handler polls it between steps and then throws {@link JobCancelled}. */
    boolean cancelled();

    /** Throws {@link JobCancelled} if the job was asked to stop. */
    default void stopIfCancelled() {
        if (cancelled()) throw new JobCancelled();
    }
}
