package dev.vellum.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.config.VellumConfig;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.projects.ProjectService;
import dev.vellum.storage.Database;
import dev.vellum.storage.Migrations;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Jobs on a real database: run, fail, cancel, resume after a node stopped, give up, and run once across nodes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobScenarios {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Backend backend;
    private Database db;
    private VellumConfig config;
    private String project;
    private final List<JobRunner> runners = new ArrayList<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    protected abstract Backend newBackend();

    @BeforeAll
    void open() {
        backend = newBackend();
        config = backend.config(Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY));
        db = Database.open(config);
        Migrations.run(db);
        project = "jobs-" + Long.toHexString(System.nanoTime());
        new ProjectService(db).create(project, "Jobs");
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(JobRunner::close);
        runners.clear();
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
        if (backend != null) backend.close();
    }

    /** A node: its own service (same handlers as every node) and runner. */
    private JobService node(Duration lease, boolean start) {
        JobService service = new JobService(db, new SecretBox(config.secretKey(), config.dataDir()));
        service.register(new Counting());
        service.register(handler("fail", ctx -> {
            throw new IllegalStateException("the source answered 500");
        }));
        service.register(handler("refuse", ctx -> {
            throw new VellumException.Invalid("bad_source", "The source is not a WordPress export", List.of());
        }));
        service.register(handler("until-cancelled", ctx -> {
            ctx.progress(JSON.objectNode().put("phase", "waiting"));
            while (true) {
                ctx.stopIfCancelled();
                Thread.sleep(20);
            }
        }));
        service.register(handler("secret", ctx -> JSON.objectNode().put("seen", ctx.secrets().path("password").asText())));
        JobRunner runner = new JobRunner(service, "node-" + runners.size(), 2, lease, null);
        runners.add(runner);
        if (start) runner.start(false);
        return service;
    }

    /** Counts its runs per job; resumes from a checkpoint {"done": n} and counts to params.to, checkpointing each step. */
    private final class Counting implements JobHandler {
        @Override public String kind() { return "count"; }

        @Override
        public JsonNode run(JobContext ctx) {
            runs.computeIfAbsent(ctx.job().id(), k -> new AtomicInteger()).incrementAndGet();
            int to = ctx.job().params().path("to").asInt();
            int from = ctx.checkpoint().map(c -> c.path("done").asInt()).orElse(0);
            long pause = ctx.job().params().path("pause_ms").asLong();
            for (int i = from + 1; i <= to; i++) {
                if (pause > 0) {
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                ctx.checkpoint(JSON.objectNode().put("done", i));
                ctx.progress(JSON.objectNode().put("done", i).put("total", to));
            }
            return JSON.objectNode().put("resumed_from", from).put("attempt", ctx.job().attempts());
        }
    }

    interface Body {
        JsonNode run(JobContext ctx) throws Exception;
    }

    private static JobHandler handler(String kind, Body body) {
        return new JobHandler() {
            @Override public String kind() { return kind; }
            @Override public JsonNode run(JobContext ctx) throws Exception { return body.run(ctx); }
        };
    }

    private static ObjectNode to(int n) {
        return JSON.objectNode().put("to", n);
    }

    @Test
    void aSubmittedJobRunsToTheEndWithItsProgressAndResultStored() {
        JobService jobs = node(Duration.ofSeconds(30), true);
        Job queued = jobs.submit(project, "count", to(5));
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        Job done = jobs.await(project, queued.id(), WAIT);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.progress().path("done").asInt()).isEqualTo(5);
        assertThat(done.result().path("resumed_from").asInt()).isZero();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(jobs.list(project, "count", 10)).extracting(Job::id).contains(queued.id());
    }

    @Test
    void aHandlerThatThrowsFailsTheJobWithItsMessage() {
        JobService jobs = node(Duration.ofSeconds(30), true);
        Job failed = jobs.await(project, jobs.submit(project, "fail", null).id(), WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the source answered 500");
        Job refused = jobs.await(project, jobs.submit(project, "refuse", null).id(), WAIT);
        assertThat(refused.status()).isEqualTo(JobStatus.FAILED);
        assertThat(refused.error()).isEqualTo("The source is not a WordPress export");
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndARunningOneWhenItsHandlerLooks() {
        JobService idle = node(Duration.ofSeconds(30), false);
        Job queued = idle.submit(project, "count", to(3));
        assertThat(idle.cancel(project, queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        assertThatThrownBy(() -> idle.cancel(project, queued.id())).isInstanceOf(VellumException.Conflict.class);

        JobService jobs = node(Duration.ofSeconds(30), true);
        Job running = jobs.submit(project, "until-cancelled", null);
        Wait.until("the job to run", Duration.ofSeconds(10), () -> jobs.require(project, running.id()).status() == JobStatus.RUNNING);
        jobs.cancel(project, running.id());
        Job ended = jobs.await(project, running.id(), WAIT);
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(ended.progress().path("phase").asText()).isEqualTo("waiting");
    }

    @Test
    void aJobWhoseNodeStoppedIsResumedFromItsCheckpointByAnotherNode() {
        JobService jobs = node(Duration.ofSeconds(30), false);
        Job job = jobs.submit(project, "count", to(10));
        // A node leases it, gets to step 4 and stops without a word: its lease is all that is left of it.
        leaseAsADeadNode(jobs, job.id(), 4);
        JobService survivor = node(Duration.ofSeconds(1), true);
        Job done = survivor.await(project, job.id(), WAIT);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.result().path("resumed_from").asInt()).isEqualTo(4);
        assertThat(done.progress().path("done").asInt()).isEqualTo(10);
        assertThat(runs.get(job.id())).hasValue(1);
    }

    @Test
    void aNodeThatStopsHandsItsRunningJobBackAndAnotherFinishesIt() {
        JobService first = node(Duration.ofSeconds(30), true);
        Job job = first.submit(project, "count", to(40).put("pause_ms", 50));
        Wait.until("three steps done", Duration.ofSeconds(10), () -> first.require(project, job.id()).progress() != null
                && first.require(project, job.id()).progress().path("done").asInt() >= 3);
        runners.getLast().close();
        JobService second = node(Duration.ofSeconds(30), true);
        Job done = second.await(project, job.id(), WAIT);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.result().path("resumed_from").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(done.progress().path("done").asInt()).isEqualTo(40);
    }

    @Test
    void aJobThatKeepsStoppingItsNodeIsAbandonedNotRetriedForever() {
        JobService jobs = node(Duration.ofSeconds(30), false);
        Job job = jobs.submit(project, "count", to(3));
        for (int i = 0; i < JobRunner.MAX_ATTEMPTS; i++) leaseAsADeadNode(jobs, job.id(), 1);
        JobService survivor = node(Duration.ofSeconds(1), true);
        Job ended = survivor.await(project, job.id(), WAIT);
        assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
        assertThat(ended.error()).startsWith("abandoned");
        assertThat(runs.get(job.id())).isNull();
    }

    @Test
    void jobsSharedByTwoNodesRunOnceEach() {
        JobService a = node(Duration.ofSeconds(30), true);
        JobService b = node(Duration.ofSeconds(30), true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) ids.add((i % 2 == 0 ? a : b).submit(project, "count", to(3)).id());
        for (String id : ids) assertThat(a.await(project, id, WAIT).status()).isEqualTo(JobStatus.DONE);
        for (String id : ids) assertThat(runs.get(id)).as(id).hasValue(1);
    }

    @Test
    void secretsAreSealedAtRestAndOpenedForTheHandler() {
        JobService jobs = node(Duration.ofSeconds(30), true);
        Job job = jobs.submit(project, "secret", JSON.objectNode().put("url", "https://example.com"),
                JSON.objectNode().put("password", "hunter2-app-password"));
        String stored = db.read(tx -> tx.one("SELECT secrets FROM jobs WHERE id = ?", rs -> rs.getString(1), job.id())).orElseThrow();
        assertThat(stored).doesNotContain("hunter2");
        Job done = jobs.await(project, job.id(), WAIT);
        assertThat(done.result().path("seen").asText()).isEqualTo("hunter2-app-password");
        assertThat(done.params().toString()).doesNotContain("hunter2");
    }

    @Test
    void anotherProjectsJobIsNotFound() {
        JobService jobs = node(Duration.ofSeconds(30), false);
        Job job = jobs.submit(project, "count", to(1));
        assertThat(jobs.get("no-such-project", job.id())).isEmpty();
        assertThatThrownBy(() -> jobs.submit("no-such-project", "count", to(1))).isInstanceOf(VellumException.NotFound.class);
    }

    /** Leases the job as a node that then stops: the lease is already expired, a checkpoint says how far it got. */
    private void leaseAsADeadNode(JobService jobs, String id, int reached) {
        JobRepository repo = jobs.repository();
        Instant now = Instant.now();
        db.write(tx -> {
            repo.leaseNext(tx, List.of("count"), id, "dead-node", now, now.minusSeconds(30)).orElseThrow();
            repo.saveCheckpoint(tx, id, "dead-node", JSON.objectNode().put("done", reached));
            return null;
        });
    }
}
