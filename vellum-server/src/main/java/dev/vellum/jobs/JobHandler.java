package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the jobs of one kind. {@code run} may be called again for the same job after a node died mid-run,
 * with the last checkpoint the earlier run saved: a handler makes each step idempotent (an import map, a
 * sync state) so the second run finishes the work with no duplicate and nothing missing.
 */
public interface JobHandler {

    /** The kind this handler runs, e.g. {@code import.wordpress} or {@code sync.run}. */
    String kind();

    /** Does the work; returns the result to store (may be null). Throwing fails the job with the message. */
    JsonNode run(JobContext context) throws Exception;
}
