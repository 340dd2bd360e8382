package dev.vellum.sync;

import dev.vellum.assets.AssetService;
import dev.vellum.changes.ChangeLog;
import dev.vellum.content.EntryService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
    private final AssetService assets;
    private final ConnectionRepository connections = new ConnectionRepository();
    private final RunRepository runs = new RunRepository();

    SyncRunner(Database db, SecretBox secrets, OutboundPolicy policy, SchemaRegistry registry, EntryService entries, ChangeLog changes,
               Backoff backoff, MeterRegistry meters, AssetService assets) {
        this.db = db;
        this.secrets = secrets;
        this.policy = policy;
        this.registry = registry;
        this.entries = entries;
        this.changes = changes;
        this.backoff = backoff;
        this.meters = meters;
        this.assets = assets;
    }

    /** What to run: direction pull, push or both (pull then push); full ignores the incremental markers. */
    record Request(String direction, boolean dryRun, boolean full, String trigger) {}

    DirectusClient client(Connection c) {
        return new DirectusClient(c.url(), secrets.open(c.sealedToken()), policy, backoff);
    }

    /** How a run of {@code c} converts values: references through the target's connection, files through the asset store. */
    ItemCodec codec(Connection c, CollectionSchema schema, DirectusClient client) {
        DirectusFiles files = new DirectusFiles(db, client, policy, assets, c.projectId(), "rehost".equals(c.options().assets()));
        return new ItemCodec(c, schema, new ValueConverter(new SyncLinks(db, c.projectId()), files));
    }

    /** Runs in this thread (the CLI's local mode, or a job) and returns the finished run; 409 when another run holds the connection. */
    SyncRun runHere(Connection c, Request r, String runId, Consumer<RunReport> progress, BooleanSupplier cancelled) {
        SyncRun run;
        try {
            run = begin(c, r, runId);
        } catch (VellumException.Conflict busy) {
            db.write(tx -> {
                if (runs.find(tx, c.id(), runId).isPresent()) {
                    runs.finish(tx, new SyncRun(runId, c.id(), r.direction(), r.dryRun(), r.trigger(), "failed", null,
                            "another run held the connection", Timestamps.now(), Timestamps.now()));
                }
                return null;
            });
            throw busy;
        }
        execute(c, run, r, progress, cancelled);
        return db.read(tx -> runs.find(tx, c.id(), run.id())).orElse(run);
    }

    /** Whether another run holds the connection now. */
    boolean busy(Connection c) {
        return db.read(tx -> connections.leased(tx, c.id(), Timestamps.now()));
    }

    /** Records a run that a job will carry out, so it is in the history from the start. */
    SyncRun queued(Connection c, Request r, String runId) {
        SyncRun run = new SyncRun(runId, c.id(), r.direction(), r.dryRun(), r.trigger(), "queued", null, null, Timestamps.now(), null);
        db.write(tx -> {
            runs.insert(tx, run);
            return null;
        });
        return run;
    }

    SyncRun find(Connection c, String runId) {
        return db.read(tx -> runs.find(tx, c.id(), runId)).orElseThrow();
    }

    private SyncRun begin(Connection c, Request r, String runId) {
        String now = Timestamps.now();
        SyncRun run = new SyncRun(runId, c.id(), r.direction(), r.dryRun(), r.trigger(), "running", null, null, now, null);
        boolean leased = db.write(tx -> {
            if (!connections.lease(tx, c.id(), run.id(), now, Timestamps.format(Instant.now().plus(LEASE)))) return false;
            runs.failAbandoned(tx, c.id(), run.id(), now);
            if (runs.find(tx, c.id(), run.id()).isPresent()) runs.restart(tx, run);
            else runs.insert(tx, run);
            return true;
        });
        if (!leased) throw new VellumException.Conflict("sync_running", "A sync of this connection is running; wait for it to finish");
        return run;
    }

    /** Thrown from a run's progress callback when its job was asked to stop. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private void execute(Connection stale, SyncRun run, Request r, Consumer<RunReport> onProgress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        RunReport report = new RunReport();
        String status = "done";
        String error = null;
        DirectusClient client = null;
        try {
            Connection c = db.read(tx -> connections.find(tx, stale.id())).orElseThrow();
            CollectionSchema schema = registry.get(c.projectId(), c.collection());
            client = client(c);
            ItemCodec codec = codec(c, schema, client);
            LocalSide local = new LocalSide(entries, c.projectId(), c.collection(), c.id());
            RemoteSide remote = new RemoteSide(client, c, codec);
            DirectusClient counted = client;
            SyncEngine engine = new SyncEngine(db, c, codec, local, remote, report, r.dryRun(), rep -> {
                rep.directusRequests = counted.requests();
                onProgress.accept(rep);
                if (cancelled.getAsBoolean()) throw new Cancelled();
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
        } catch (Cancelled e) {
            status = "cancelled";
            error = "cancelled";
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
        meters.counter("vellum.sync.items", "outcome", "deleted").increment(report.deleted);
        meters.counter("vellum.sync.conflicts").increment(report.conflicts);
        Timer.builder("vellum.sync.run.duration").tag("direction", run.direction()).register(meters).record(Duration.ofNanos(nanos));
    }
}
