package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;
import dev.vellum.importers.ImportJobs;
import dev.vellum.importers.ImportLog;
import dev.vellum.importers.ImportRequest;
import dev.vellum.importers.Importers;
import dev.vellum.jobs.Job;
import dev.vellum.jobs.JobService;
import dev.vellum.time.Timestamps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/**
 * Import jobs (admin: imports create collections): POST …/imports → 202 {id, status} (or, with
 * ?wait=true, the finished job); GET …/imports (newest first); GET …/imports/{id} with counts and a page
 * of the per-item log (?log_after=&log_limit=&log_action=); POST …/imports/{id}/cancel.
 */
final class ImportRoutes {
    private static final int MAX_WAIT_SECONDS = 300;

    private ImportRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        JobService jobs = s.jobs();
        Importers importers = s.importers();
        routes.post("/v1/projects/{p}/imports", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            ImportRequest request = ImportRequest.parse(Json.body(ctx, s.config().maxBodyBytes()), false);
            importers.check(project, request); // a wrong password or an unreachable site is a 4xx now, not a failed job later
            Job job = jobs.submit(project, ImportJobs.KIND, request.params(), request.secrets());
            if (wait(ctx)) {
                Job ended = jobs.await(project, job.id(), Duration.ofSeconds(waitSeconds(ctx)));
                Json.write(ctx, ended.status().isFinal() ? 200 : 202, render(ended, importers, ctx));
                return;
            }
            ctx.header("Location", "/v1/projects/" + project + "/imports/" + job.id());
            Json.write(ctx, 202, render(job, importers, ctx));
        });
        routes.get("/v1/projects/{p}/imports", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode data = out.putArray("data");
            List<Job> list = jobs.list(project, ImportJobs.KIND, ctx.queryParam("before"), Calls.limit(ctx, 50));
            for (Job j : list) data.add(summary(j, importers));
            out.put("next_before", list.isEmpty() ? null : list.get(list.size() - 1).id());
            Json.write(ctx, 200, out);
        });
        routes.get("/v1/projects/{p}/imports/{id}", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            Job job = importJob(jobs, project, ctx.pathParam("id"));
            if (wait(ctx)) job = jobs.await(project, job.id(), Duration.ofSeconds(waitSeconds(ctx)));
            Json.write(ctx, 200, render(job, importers, ctx));
        });
        routes.post("/v1/projects/{p}/imports/{id}/cancel", ctx -> {
            String project = Calls.project(ctx, Scope.ADMIN);
            Job job = jobs.cancel(project, importJob(jobs, project, ctx.pathParam("id")).id());
            Json.write(ctx, 202, render(job, importers, ctx));
        });
    }

    private static Job importJob(JobService jobs, String project, String id) {
        Job job = jobs.require(project, id);
        if (!job.kind().equals(ImportJobs.KIND)) throw new VellumException.NotFound("import_not_found", "No import '" + id + "'");
        return job;
    }

    private static boolean wait(Context ctx) {
        return "true".equals(ctx.queryParam("wait"));
    }

    private static int waitSeconds(Context ctx) {
        String s = ctx.queryParam("wait_seconds");
        if (s == null) return 60;
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= MAX_WAIT_SECONDS) return n;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new VellumException.BadRequest("invalid_query", "wait_seconds is a whole number from 1 to " + MAX_WAIT_SECONDS);
    }

    private static ObjectNode summary(Job j, Importers importers) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", j.id()).put("kind", j.params().path("kind").asText()).put("status", j.status().wire());
        o.set("source", j.params().path("source"));
        o.set("options", j.params().path("options"));
        o.set("progress", j.progress());
        o.set("counts", importers.counts(j.id()));
        o.put("error", j.error());
        o.put("attempts", j.attempts());
        o.put("created_at", Timestamps.format(j.createdAt()));
        o.put("started_at", j.startedAt() == null ? null : Timestamps.format(j.startedAt()));
        o.put("finished_at", j.finishedAt() == null ? null : Timestamps.format(j.finishedAt()));
        return o;
    }

    private static ObjectNode render(Job j, Importers importers, Context ctx) {
        ObjectNode o = summary(j, importers);
        o.set("result", j.result());
        long after = number(ctx, "log_after", 0, Long.MAX_VALUE);
        int limit = (int) number(ctx, "log_limit", 100, 1000);
        String action = ctx.queryParam("log_action");
        ImportLog.Action only = null;
        if (action != null) {
            try {
                only = ImportLog.Action.valueOf(action.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new VellumException.BadRequest("invalid_query", "log_action is created, updated, unchanged, skipped or failed");
            }
        }
        List<ImportLog.Row> rows = importers.log(j.id(), after, limit, only);
        ObjectNode log = o.putObject("log");
        ArrayNode data = log.putArray("data");
        for (ImportLog.Row r : rows) {
            data.addObject().put("seq", r.seq()).put("source_id", r.sourceId()).put("collection", r.collectionId()).put("entry_id", r.entryId())
                    .put("action", r.action().wire()).put("at", r.at()).put("error", r.error());
        }
        if (rows.size() == limit) log.put("next_after", rows.get(rows.size() - 1).seq());
        else log.putNull("next_after");
        return o;
    }

    private static long number(Context ctx, String name, long fallback, long max) {
        String s = ctx.queryParam(name);
        if (s == null || s.isEmpty()) return fallback;
        try {
            long n = Long.parseLong(s);
            if (n >= 0 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new VellumException.BadRequest("invalid_query", name + " must be a whole number from 0 to " + max);
    }
}
