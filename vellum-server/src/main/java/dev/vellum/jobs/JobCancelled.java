package dev.vellum.jobs;

/** Thrown by a handler that stopped because its job was cancelled: the job ends as cancelled, not failed. */
public final class JobCancelled extends RuntimeException {
    public JobCancelled() {
        super("cancelled", null, false, false);
    }
}
