package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.VellumException;
import dev.vellum.jobs.JobRepository.Leased;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on this node: leases due jobs up to its number of workers, keeps their leases alive while
 * they run, and stores how each ended. A job whose node died keeps its lease until it expires; then any
 * node leases it again and its handler resumes from the last checkpoint. A job abandoned
 * {@value #MAX_ATTEMPTS} times is failed instead of being retried forever.
 */
public final class JobRunner implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long CANCEL_CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final JobService service;
    private final JobRepository jobs;
    private final String owner;
    private final Duration lease;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile boolean closed;
    private ScheduledExecutorService timer;

    public JobRunner(JobService service, String nodeId, int workers, Duration lease, MeterRegistry meters) {
        this.service = service;
        this.jobs = service.repository();
        this.owner = nodeId;
        this.lease = lease;
        this.slots = new Semaphore(Math.max(1, workers));
        this.meters = meters;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("vellum-job-", 0).daemon(true).factory());
    }

    /** Starts leasing; on a single node (SQLite), leases left by an earlier process are released first. */
    public void start(boolean singleNode) {
        if (singleNode) service.database().write(tx -> {
            jobs.releaseAll(tx);
            return null;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vellum-job-timer");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(200, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::poll, 0, 500, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        service.onSubmit(this::wake);
    }

    /**
     * Runs one job in the calling thread (the CLI's local mode) and returns it as it ended. If another
     * node holds it, waits for that node instead.
     */
    public Job runHere(String projectId, String id, Duration timeout) {
        service.require(projectId, id);
        Optional<Leased> leased = lease(id);
        if (leased.isPresent()) execute(leased.get());
        return service.await(projectId, id, timeout);
    }

    private void wake() {
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) t.execute(this::poll);
    }

    private void poll() {
        if (!polling.compareAndSet(false, true)) return;
        try {
            service.database().write(tx -> jobs.abandon(tx, Instant.now(), MAX_ATTEMPTS));
            while (!closed && slots.tryAcquire()) {
                Optional<Leased> next = lease(null);
                if (next.isEmpty()) {
                    slots.release();
                    break;
                }
                try {
                    workers.execute(() -> {
                        try {
                            execute(next.get());
                        } finally {
                            slots.release();
                            wake();
                        }
                    });
                } catch (RejectedExecutionException e) { // closing: hand the job straight back
                    slots.release();
                    release(next.get().job().id());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not lease jobs", e);
        } finally {
            polling.set(false);
        }
    }

    private Optional<Leased> lease(String onlyId) {
        Instant now = Instant.now();
        return service.database().write(tx -> jobs.leaseNext(tx, service.handlers().keySet(), onlyId, owner, now, now.plus(lease)));
    }

    private void heartbeat() {
        for (RunningJob r : running.values()) {
            try {
                JsonNode pending = r.pendingProgress();
                Optional<Boolean> cancel = service.database().write(tx -> jobs.extend(tx, r.job.id(), owner,
                        Instant.now().plus(lease), pending));
                if (cancel.isEmpty()) r.lost = true;
                else if (cancel.get()) r.cancelRequested = true;
            } catch (RuntimeException e) {
                log.warn("could not extend the lease of job {}: {}", r.job.id(), e.getMessage());
            }
        }
    }

    private void execute(Leased leased) {
        Job job = leased.job();
        JobHandler handler = service.handlers().get(job.kind());
        RunningJob ctx = new RunningJob(job, leased.checkpoint(), service.openSecrets(leased.sealedSecrets()));
        running.put(job.id(), ctx);
        long started = System.nanoTime();
        JobStatus status;
        JsonNode result = null;
        String error = null;
        try {
            if (job.cancelRequested()) throw new JobCancelled();
            result = handler.run(ctx);
            status = JobStatus.DONE;
        } catch (JobCancelled e) {
            status = JobStatus.CANCELLED;
        } catch (LeaseLost e) {
            log.warn("job {} lost its lease; another node runs it now", job.id());
            status = null;
        } catch (VellumException e) {
            status = JobStatus.FAILED;
            error = e.getMessage();
        } catch (Exception | LinkageError | AssertionError e) {
            log.warn("job {} ({}) failed", job.id(), job.kind(), e);
            status = JobStatus.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            running.remove(job.id());
        }
        if (closed && status != JobStatus.DONE && status != JobStatus.CANCELLED) {
            release(job.id()); // this node is stopping: whatever the handler saw, the job is not over
            status = null;
        }
        if (status != null) {
            JobStatus end = status;
            JsonNode res = result;
            String err = error;
            service.database().write(tx -> jobs.finish(tx, job.id(), owner, end, ctx.latest, res, err, Instant.now()));
            if (meters != null) {
                Timer.builder("vellum.jobs.duration").description("How long job runs took, by kind and outcome")
                        .tag("kind", job.kind()).tag("outcome", end.wire()).register(meters)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
        service.signalFinished();
    }

    private void release(String id) {
        try {
            service.database().write(tx -> {
                jobs.release(tx, id, owner);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("could not give back the lease of job {}: {}", id, e.getMessage());
        }
    }

    /** Stops leasing; running handlers are interrupted and their jobs handed back, to resume on the next node that leases them. */
    @Override
    public void close() {
        closed = true;
        if (timer != null) timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Thrown into a handler that reports after its node lost the lease: another node runs the job now. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private final class RunningJob implements JobContext {
        private final Job job;
        private final JsonNode secrets;
        private volatile JsonNode checkpoint;
        private volatile JsonNode latest;
        private volatile JsonNode unsaved;
        private volatile boolean cancelRequested;
        private volatile boolean lost;
        private long lastWrite;
        private long lastCancelCheck = System.nanoTime();

        RunningJob(Job job, JsonNode checkpoint, JsonNode secrets) {
            this.job = job;
            this.checkpoint = checkpoint;
            this.secrets = secrets;
            this.cancelRequested = job.cancelRequested();
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public JsonNode secrets() {
            return secrets;
        }

        @Override
        public synchronized void progress(JsonNode progress) {
            if (lost) throw new LeaseLost();
            latest = progress;
            long now = System.nanoTime();
            if (now - lastWrite < PROGRESS_EVERY_NANOS) {
                unsaved = progress;
                return;
            }
            lastWrite = now;
            unsaved = null;
            if (!service.database().write(tx -> jobs.saveProgress(tx, job.id(), owner, progress))) lostLease();
        }

        synchronized JsonNode pendingProgress() {
            JsonNode p = unsaved;
            unsaved = null;
            return p;
        }

        @Override
        public void checkpoint(JsonNode next) {
            if (lost) throw new LeaseLost();
            if (!service.database().write(tx -> jobs.saveCheckpoint(tx, job.id(), owner, next))) lostLease();
            checkpoint = next;
        }

        @Override
        public Optional<JsonNode> checkpoint() {
            return Optional.ofNullable(checkpoint);
        }

        @Override
        public boolean cancelled() {
            if (lost) throw new LeaseLost();
            if (!cancelRequested && System.nanoTime() - lastCancelCheck > CANCEL_CHECK_EVERY_NANOS) {
                lastCancelCheck = System.nanoTime();
                cancelRequested = service.get(job.projectId(), job.id()).map(Job::cancelRequested).orElse(true);
            }
            return cancelRequested;
        }

        private void lostLease() {
            lost = true;
            throw new LeaseLost();
        }
    }
}
