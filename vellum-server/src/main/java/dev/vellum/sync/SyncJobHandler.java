package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.jobs.JobCancelled;
import dev.vellum.jobs.JobContext;
import dev.vellum.jobs.JobHandler;
import dev.vellum.storage.Database;

/**
 * Sync runs as jobs ({@code sync.run}): leased, so one node runs each; a job whose node died is run
 * again with the same run id, which per-item sync state makes idempotent (what was written is found
 * in sync, the rest is done). Progress is the report so far; the result is the finished report.
 */
final class SyncJobHandler implements JobHandler {
    static final String KIND = "sync.run";

    private final Database db;
    private final SyncRunner runner;
    private final ConnectionRepository connections = new ConnectionRepository();

    SyncJobHandler(Database db, SyncRunner runner) {
        this.db = db;
        this.runner = runner;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JsonNode run(JobContext context) {
        JsonNode p = context.job().params();
        Connection c = db.read(tx -> connections.find(tx, p.path("connection").asText()))
                .orElseThrow(() -> new IllegalStateException("the connection was deleted"));
        SyncRunner.Request r = new SyncRunner.Request(p.path("direction").asText(), p.path("dry_run").asBoolean(), p.path("full").asBoolean(),
                p.path("trigger").asText("api"));
        SyncRun run = runner.runHere(c, r, p.path("run").asText(), report -> context.progress(report.toJson()), context::cancelled);
        if (context.cancelled()) throw new JobCancelled();
        if (run.status().equals("failed")) throw new IllegalStateException(run.error());
        return run.report();
    }
}
