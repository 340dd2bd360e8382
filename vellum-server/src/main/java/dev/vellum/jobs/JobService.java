package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vellum.auth.Access;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.storage.Database;
import dev.vellum.storage.JsonColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facade for long-running work: capabilities register a {@link JobHandler} per kind and submit jobs;
 * the {@link JobRunner} of whichever node leases a job runs it. Scope checks stay with the capability
 * that submits (an import checks write scope, a sync run admin scope); this facade checks the project.
 */
public final class JobService {
    static final int MAX_LIST = 100;

    private final Database db;
    private final SecretBox secrets;
    private final JobRepository jobs = new JobRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Object finished = new Object();
    private volatile Runnable wake = () -> {};

    public JobService(Database db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    /** Makes this node able to run jobs of the handler's kind (every node registers the same handlers). */
    public void register(JobHandler handler) {
        if (handlers.putIfAbsent(handler.kind(), handler) != null) {
            throw new IllegalStateException("two handlers for job kind " + handler.kind());
        }
    }

    /** Stores a queued job; {@code secrets} (may be null) are sealed and shown only to the handler. */
    public Job submit(String projectId, String kind, JsonNode params, JsonNode secretParams) {
        if (!handlers.containsKey(kind)) throw new IllegalArgumentException("no handler for job kind " + kind);
        Job job = new Job(Ulid.next(), projectId, kind, JobStatus.QUEUED, params == null ? JsonNodeFactory.instance.objectNode() : params,
                null, null, null, 0, false, Instant.now(), null, null);
        String sealed = secretParams == null || secretParams.isEmpty() ? null : secrets.seal(JsonColumns.write(secretParams));
        db.write(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            jobs.insert(tx, job, sealed);
            return null;
        });
        wake.run();
        return job;
    }

    public Job submit(String projectId, String kind, JsonNode params) {
        return submit(projectId, kind, params, null);
    }

    public Optional<Job> get(String projectId, String id) {
        return db.read(tx -> jobs.find(tx, projectId, id));
    }

    /** The job, or a 404 problem naming it. */
    public Job require(String projectId, String id) {
        return get(projectId, id).orElseThrow(() -> new VellumException.NotFound("job_not_found", "No job '" + id + "'"));
    }

    /** Newest first, at most {@value #MAX_LIST}; {@code kind} null for all kinds, {@code before} a job id to page from. */
    public List<Job> list(String projectId, String kind, String before, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIST));
        return db.read(tx -> jobs.list(tx, projectId, kind, before, n));
    }

    public List<Job> list(String projectId, String kind, int limit) {
        return list(projectId, kind, null, limit);
    }

    /** Asks a job to stop; returns it as it is now. A finished job stays as it was (409). */
    public Job cancel(String projectId, String id) {
        Job before = require(projectId, id);
        if (before.status().isFinal()) {
            throw new VellumException.Conflict("job_finished", "Job '" + id + "' has already ended (" + before.status().wire() + ")");
        }
        db.write(tx -> jobs.requestCancel(tx, projectId, id, Instant.now()));
        signalFinished();
        return require(projectId, id);
    }

    /** Waits until the job has ended or {@code timeout} has passed; returns it as it is then. */
    public Job await(String projectId, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Job j = require(projectId, id);
            long left = deadline - System.nanoTime();
            if (j.status().isFinal() || left <= 0) return j;
            synchronized (finished) {
                try {
                    finished.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return j;
                }
            }
        }
    }

    Map<String, JobHandler> handlers() {
        return handlers;
    }

    Database database() {
        return db;
    }

    JobRepository repository() {
        return jobs;
    }

    JsonNode openSecrets(String sealed) {
        if (sealed == null) return JsonNodeFactory.instance.objectNode();
        try {
            return JsonColumns.read(secrets.open(sealed));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("stored job secrets are not JSON", e);
        }
    }

    void onSubmit(Runnable wake) {
        this.wake = wake;
    }

    void signalFinished() {
        synchronized (finished) {
            finished.notifyAll();
        }
    }
}
