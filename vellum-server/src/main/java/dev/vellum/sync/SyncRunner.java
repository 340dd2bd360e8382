package dev.vellum.sync;

import dev.vellum.changes.ChangeLog;
import dev.vellum.content.EntryService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs: one at a time per connection (a lease in the database, so one node runs it; a lease
 * left by a dead node expires), each recorded in the run history with its report. A run that fails
 * (Directus gone, out of retries) is marked failed with what it had done; the incremental markers
 * move only when a run completes, so the next run picks up where it stopped.
 */
final class SyncRunner {
    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final Database db;
    private final SecretBox secrets;
    private final OutboundPolicy policy;
    private final SchemaRegistry registry;
    private final EntryService entries;
    private final ChangeLog changes;
    private final Backoff backoff;
    private final MeterRegistry meters;
    private final ConnectionRepository connections = new ConnectionRepository();
    private final RunRepository runs = new RunRepository();

    SyncRunner(Database db, SecretBox secrets, OutboundPolicy policy, SchemaRegistry registry, EntryService entries, ChangeLog changes,
               Backoff backoff, MeterRegistry meters) {
        this.db = db;
        this.secrets = secrets;
        this.policy = policy;
        this.registry = registry;
        this.entries = entries;
        this.changes = changes;
        this.backoff = backoff;
        this.meters = meters;
    }

    /** What to run: direction pull, push or both (pull then push); full ignores the incremental markers. */
    record Request(String direction, boolean dryRun, boolean full, String trigger) {}

    DirectusClient client(Connection c) {
        return new DirectusClient(c.url(), secrets.open(c.sealedToken()), policy, backoff);
    }

    /** Starts a run in the background; 409 when one is running for this connection. */
    SyncRun start(Connection c, Request r) {
        SyncRun run = begin(c, r);
        CompletableFuture.runAsync(() -> execute(c, run, r), command -> Thread.ofVirtual().name("sync-" + run.id()).start(command));
        return run;
    }

    /** Runs and waits (up to {@code wait}); the finished run, or the running one when it takes longer. */
    SyncRun runAndWait(Connection c, Request r, Duration wait) {
        SyncRun run = begin(c, r);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> execute(c, run, r),
                command -> Thread.ofVirtual().name("sync-" + run.id()).start(command));
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // the caller gets the running run and can poll it
        } catch (ExecutionException e) {
            log.warn("sync run {} failed unexpectedly: {}", run.id(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return db.read(tx -> runs.find(tx, c.id(), run.id())).orElse(run);
    }

    private SyncRun begin(Connection c, Request r) {
        String now = Timestamps.now();
        SyncRun run = new SyncRun(Ulid.next(), c.id(), r.direction(), r.dryRun(), r.trigger(), "running", null, null, now, null);
        boolean leased = db.write(tx -> {
            if (!connections.lease(tx, c.id(), run.id(), now, Timestamps.format(Instant.now().plus(LEASE)))) return false;
            runs.failAbandoned(tx, c.id(), now);
            runs.insert(tx, run);
            return true;
        });
        if (!leased) throw new VellumException.Conflict("sync_running", "A sync of this connection is running; wait for it to finish");
        return run;
    }

    private void execute(Connection stale, SyncRun run, Request r) {
        long started = System.nanoTime();
        RunReport report = new RunReport();
        String status = "done";
        String error = null;
        DirectusClient client = null;
        try {
            Connection c = db.read(tx -> connections.find(tx, stale.id())).orElseThrow();
            CollectionSchema schema = registry.get(c.projectId(), c.collection());
            client = client(c);
            ItemCodec codec = new ItemCodec(c, schema, new ValueConverter(new SyncLinks(db, c.projectId()), new DirectusFiles(client, policy)));
            LocalSide local = new LocalSide(entries, c.projectId(), c.collection(), c.id());
            RemoteSide remote = new RemoteSide(client, c, codec);
            DirectusClient counted = client;
            SyncEngine engine = new SyncEngine(db, c, codec, local, remote, report, r.dryRun(), rep -> {
                rep.directusRequests = counted.requests();
                db.write(tx -> {
                    connections.renew(tx, c.id(), run.id(), Timestamps.format(Instant.now().plus(LEASE)));
                    return null;
                });
            });
            String marker = c.pullMarker();
            long seq = c.pushSeq();
            if (!r.direction().equals("push")) marker = engine.pull(r.full() ? null : c.pullMarker());
            if (!r.direction().equals("pull")) seq = engine.push(r.full() ? 0 : c.pushSeq(), changes);
            if (!r.dryRun()) {
                String m = marker;
                long s = seq;
                db.write(tx -> {
                    connections.markers(tx, c.id(), m, s);
                    return null;
                });
            }
        } catch (DirectusException e) {
            status = "failed";
            error = e.getMessage();
        } catch (VellumException e) {
            status = "failed";
            error = SyncEngine.message(e);
        } catch (RuntimeException e) {
            status = "failed";
            error = "unexpected: " + e;
            log.warn("sync run {} failed", run.id(), e);
        }
        if (client != null) report.directusRequests = client.requests();
        String finalStatus = status;
        SyncRun finished = new SyncRun(run.id(), run.connectionId(), run.direction(), run.dryRun(), run.trigger(), status, report.toJson(),
                error, run.startedAt(), Timestamps.now());
        db.write(tx -> {
            runs.finish(tx, finished);
            connections.release(tx, run.connectionId(), run.id());
            return null;
        });
        record(finished, report, finalStatus, System.nanoTime() - started);
    }

    private void record(SyncRun run, RunReport report, String status, long nanos) {
        if (meters == null) return;
        meters.counter("vellum.sync.runs", "direction", run.direction(), "status", status).increment();
        meters.counter("vellum.sync.items", "outcome", "created").increment(report.created);
        meters.counter("vellum.sync.items", "outcome", "updated").increment(report.updated);
        meters.counter("vellum.sync.items", "outcome", "merged").increment(report.merged);
        meters.counter("vellum.sync.items", "outcome", "unchanged").increment(report.unchanged);
        meters.counter("vellum.sync.conflicts").increment(report.conflicts);
        Timer.builder("vellum.sync.run.duration").tag("direction", run.direction()).register(meters).record(Duration.ofNanos(nanos));
    }
}
