package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.jobs.Job;
import dev.vellum.jobs.JobCancelled;
import dev.vellum.jobs.JobContext;
import dev.vellum.jobs.JobHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports as jobs: stored, leased, resumable. A job run again after its node died writes under the
 * same job id, so the import map skips what is already there and the item log keeps each item's
 * first row: the counts stay exact. Progress is {@code {"phase", "done", "total", "phases": {…}}}.
 */
public final class ImportJobs implements JobHandler {
    public static final String KIND = "import";

    private final Importers importers;

    public ImportJobs(Importers importers) {
        this.importers = importers;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JsonNode run(JobContext ctx) {
        Job job = ctx.job();
        try {
            return importers.run(job.projectId(), job.id(), job.params(), ctx.secrets(), new Progress(ctx));
        } catch (ImportCancelled e) {
            throw new JobCancelled();
        } catch (ImportFailed e) {
            throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
        }
    }

    /** An import's progress as its job's. */
    private static final class Progress implements ImportContext {
        private final JobContext ctx;
        private final Map<String, long[]> phases = new LinkedHashMap<>();

        Progress(JobContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public synchronized void progress(String phase, long done, long total) {
            phases.put(phase, new long[] {done, total});
            ObjectNode p = JsonNodeFactory.instance.objectNode().put("phase", phase).put("done", done);
            if (total >= 0) p.put("total", total);
            ObjectNode all = p.putObject("phases");
            phases.forEach((name, v) -> {
                ObjectNode o = all.putObject(name).put("done", v[0]);
                if (v[1] >= 0) o.put("total", v[1]);
            });
            ctx.progress(p);
        }

        @Override
        public boolean cancelled() {
            return ctx.cancelled();
        }
    }
}
