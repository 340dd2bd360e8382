package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored piece of long-running work of one kind (an import, a sync run). {@code progress} is the
 * handler's last report, {@code result} what a finished run returned; {@code attempts} counts the runs
 * started, so a job resumed after its node died shows 2.
 */
public record Job(String id, String projectId, String kind, JobStatus status, JsonNode params, JsonNode progress,
                  JsonNode result, String error, int attempts, boolean cancelRequested, Instant createdAt,
                  Instant startedAt, Instant finishedAt) {}
