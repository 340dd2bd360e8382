package dev.vellum.webhooks;

import dev.vellum.changes.Change;
import dev.vellum.ids.Ulid;
import dev.vellum.changes.ChangeRepository;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of delivering: lease endpoints, turn new changes into deliveries (fan-out),
 * read an endpoint's queue, record attempts, release. Every write checks the caller still holds the
 * endpoint's lease and extends it, so an endpoint has one deliverer at a time across nodes.
 */
final class DeliveryQueue {
    static final int FAN_OUT_PAGE = 1000;

    private final Database db;
    private final Duration lease;
    private final WebhookRepository webhooks = new WebhookRepository();
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final ChangeRepository changes = new ChangeRepository();

    /** The endpoint after a fan-out; {@code more}: the log has further changes to fan out. Null webhook: lease lost. */
    record FanOut(Webhook webhook, boolean more) {}

    DeliveryQueue(Database db, Duration lease) {
        this.db = db;
        this.lease = lease;
    }

    Duration lease() {
        return lease;
    }

    /**
     * Single node (SQLite): whether some webhook was active at the last look, and when that was (nanoTime). Most
     * installations have few webhooks or none; without this, every group commit cost a read here (7 % of the CPU of
     * single creates). Webhooks are made and changed in this process, which says so ({@link #webhooksChanged}); the
     * look is repeated at least every second all the same (the dispatcher disables failing endpoints itself). Several nodes (PostgreSQL)
     * read every time: a webhook made on another node must be served by this one at once.
     */
    private volatile boolean singleNode;
    private volatile boolean anyActive = true;
    private volatile long activeCheckedAt;
    /** Bumped by {@link #webhooksChanged}; a look taken before the last bump is not trusted. */
    private final java.util.concurrent.atomic.AtomicLong webhookChanges = new java.util.concurrent.atomic.AtomicLong();
    private volatile long checkedAtChange = -1;
    static final long ACTIVE_TTL_NANOS = 1_000_000_000L;

    void singleNode(boolean single) {
        singleNode = single;
    }

    /** A webhook of this node was made, changed or removed: look again at the next lease. */
    void webhooksChanged() {
        webhookChanges.incrementAndGet();
    }

    List<String> lease(String owner, int limit) {
        Instant now = Instant.now();
        if (singleNode) {
            long t = System.nanoTime();
            long change = webhookChanges.get(); // read before the look: a change made during it makes the next lease look again
            if (change != checkedAtChange || t - activeCheckedAt >= ACTIVE_TTL_NANOS) {
                anyActive = db.read(webhooks::anyActive);
                activeCheckedAt = t;
                checkedAtChange = change;
            }
            if (!anyActive) return List.of(); // nothing could be due: no read, no write
        }
        // the dispatcher asks after every commit: when nothing is due (no endpoints, or all caught up), a read answers
        // without a write transaction, which on SQLite would take the one writer from the next group commit each time
        if (!db.read(tx -> webhooks.anyDue(tx, Timestamps.format(now)))) return List.of();
        return db.write(tx -> webhooks.leaseDue(tx, owner, Timestamps.format(now), Timestamps.format(now.plus(lease)), limit));
    }

    void expireLeases() {
        db.write(tx -> {
            webhooks.expireLeases(tx);
            return null;
        });
    }

    /**
     * Records {@code delivered} (successes of the run so far), then appends a delivery for every
     * change past the endpoint's cursor that it subscribes to.
     */
    FanOut fanOut(String webhookId, String owner, List<DeliveryAttempt> delivered) {
        return db.write(tx -> {
            if (!webhooks.renew(tx, webhookId, owner, until())) return new FanOut(null, false);
            if (!delivered.isEmpty()) deliveries.delivered(tx, delivered);
            Webhook w = webhooks.find(tx, webhookId).orElse(null);
            if (w == null || w.status() != Webhook.Status.ACTIVE) return new FanOut(null, false);
            List<Change> page = changes.since(tx, w.projectId(), w.cursor(), FAN_OUT_PAGE, true);
            if (page.isEmpty()) return new FanOut(w, false);
            List<Change> wanted = page.stream().filter(c -> w.wants(c.kind(), c.collection())).toList();
            if (!wanted.isEmpty()) {
                long position = webhooks.reservePositions(tx, webhookId, wanted.size());
                String now = Timestamps.now();
                List<Delivery> queued = new ArrayList<>(wanted.size());
                for (Change c : wanted) {
                    queued.add(Delivery.queued(Ulid.next(), webhookId, w.projectId(), position++, c.seq(), c.kind(),
                            Payloads.change(w.projectId(), c), now, null));
                }
                deliveries.insert(tx, queued);
            }
            webhooks.advanceCursor(tx, webhookId, page.getLast().seq());
            return new FanOut(w, page.size() == FAN_OUT_PAGE);
        });
    }

    List<Delivery> pending(String webhookId, int limit) {
        return db.read(tx -> deliveries.pending(tx, webhookId, limit));
    }

    /** Records successful attempts; false when the lease was lost (another node owns the endpoint now). */
    boolean delivered(String webhookId, String owner, List<DeliveryAttempt> attempts) {
        return db.write(tx -> {
            if (!webhooks.renew(tx, webhookId, owner, until())) return false;
            deliveries.delivered(tx, attempts);
            return true;
        });
    }

    /** Records a failed attempt: retried at {@code next}, or failed for good with the webhook disabled for {@code reason}. */
    boolean failed(String webhookId, String owner, DeliveryAttempt attempt, Optional<Instant> next, String reason) {
        return db.write(tx -> {
            if (!webhooks.renew(tx, webhookId, owner, until())) return false;
            deliveries.failed(tx, attempt, next.map(DeliveryQueue::ceilMillis).orElse(null));
            if (next.isEmpty()) webhooks.disable(tx, webhookId, reason, Timestamps.now());
            return true;
        });
    }

    boolean renew(String webhookId, String owner) {
        return db.write(tx -> webhooks.renew(tx, webhookId, owner, until()));
    }

    Optional<String> release(String webhookId, String owner) {
        return db.write(tx -> webhooks.release(tx, webhookId, owner));
    }

    private String until() {
        return Timestamps.format(Instant.now().plus(lease));
    }

    /** A due time rounded up to the millisecond, so that "not before" holds after truncation. */
    static String ceilMillis(Instant t) {
        Instant truncated = t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return Timestamps.format(truncated.equals(t) ? t : truncated.plusMillis(1));
    }
}
