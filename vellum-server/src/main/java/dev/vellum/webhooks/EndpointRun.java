package dev.vellum.webhooks;

import dev.vellum.crypto.SecretBox;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node delivering to one leased endpoint: fan out new changes, then send the queue in order,
 * head first. A failure stops the run (later deliveries wait behind it, keeping the order); the
 * head is retried on the schedule. Successes are recorded in batches: a crash between sending and
 * recording sends them again (at least once). The run gives the lease back when idle or after a
 * time budget, so that endpoints take turns and other nodes can pick them up. {@code leaving} runs
 * before the lease is given up, {@code finished} after, with when the endpoint's queue is next due.
 */
final class EndpointRun implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(EndpointRun.class);
    private static final int BATCH = 100;
    private static final int FLUSH_EVERY = 50;
    private static final Duration FLUSH_AFTER = Duration.ofMillis(100); // bounds what a crash sends twice
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final long LINGER_MS = 250; // keep the lease briefly: at a steady rate, no lease round trip per event

    private final String webhookId;
    private final String owner;
    private final DeliveryQueue queue;
    private final DeliverySender sender;
    private final SecretBox secrets;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final WakeSignal signal;
    private final Runnable leaving;
    private final BiConsumer<String, Optional<String>> finished;
    private final List<DeliveryAttempt> unrecorded = new ArrayList<>();
    private Instant oldestUnrecorded;
    private Instant leaseRenewedAt = Instant.now();

    EndpointRun(String webhookId, String owner, DeliveryQueue queue, DeliverySender sender, SecretBox secrets, RetrySchedule schedule,
                Duration timeout, WakeSignal signal, Runnable leaving, BiConsumer<String, Optional<String>> finished) {
        this.webhookId = webhookId;
        this.owner = owner;
        this.queue = queue;
        this.sender = sender;
        this.secrets = secrets;
        this.schedule = schedule;
        this.timeout = timeout;
        this.signal = signal;
        this.leaving = leaving;
        this.finished = finished;
    }

    @Override
    public void run() {
        Optional<String> due = Optional.empty();
        try {
            deliver();
        } catch (RuntimeException e) {
            log.warn("webhook {}: delivery run stopped: {}", webhookId, e.toString());
        } finally {
            leaving.run(); // before the release: once released, this node may lease the endpoint again
            try {
                due = queue.release(webhookId, owner);
            } catch (RuntimeException e) {
                log.warn("webhook {}: could not release lease (it expires by itself): {}", webhookId, e.toString());
            }
            finished.accept(webhookId, due);
        }
    }

    private void deliver() {
        try {
            Instant started = Instant.now();
            while (!Thread.currentThread().isInterrupted() && Duration.between(started, Instant.now()).compareTo(BUDGET) < 0) {
                long seen = signal.count();
                DeliveryQueue.FanOut fanOut = queue.fanOut(webhookId, owner, drain());
                Webhook w = fanOut.webhook();
                if (w == null) return;
                leaseRenewedAt = Instant.now();
                List<Delivery> batch = queue.pending(webhookId, BATCH);
                if (batch.isEmpty() && !fanOut.more()) {
                    if (signal.await(seen, LINGER_MS)) continue; // something was committed: look again
                    return;
                }
                if (!send(w, batch)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flush();
        }
    }

    /** Sends a batch in order; false when the run should end (the head must wait, failed, or the lease is gone). */
    private boolean send(Webhook w, List<Delivery> batch) {
        String secret = secrets.open(w.sealedSecret());
        for (Delivery d : batch) {
            if (Timestamps.parse(d.nextAttemptAt()).isAfter(Instant.now())) return false; // the head waits for its retry
            if (!keepLease() || (stale() && !flush())) return false;
            DeliveryOutcome outcome = sender.send(w.url(), secret, d.id(), d.event(), d.payload());
            DeliveryAttempt attempt = DeliveryAttempt.of(d.id(), Timestamps.now(), outcome);
            switch (outcome) {
                case DeliveryOutcome.Delivered ok -> {
                    if (unrecorded.isEmpty()) oldestUnrecorded = Instant.now();
                    unrecorded.add(attempt);
                    if (unrecorded.size() >= FLUSH_EVERY && !flush()) return false;
                }
                default -> {
                    if (flush()) recordFailure(w, d, attempt, outcome);
                    return false;
                }
            }
        }
        return true;
    }

    /** The successes not yet recorded; the next fan-out records them in its transaction. */
    private List<DeliveryAttempt> drain() {
        List<DeliveryAttempt> out = List.copyOf(unrecorded);
        unrecorded.clear();
        return out;
    }

    private void recordFailure(Webhook w, Delivery d, DeliveryAttempt attempt, DeliveryOutcome outcome) {
        Instant now = Instant.now();
        Instant first = d.firstAttemptAt() == null ? now : Timestamps.parse(d.firstAttemptAt());
        Optional<Instant> next = switch (outcome) {
            case DeliveryOutcome.Rejected r when r.status() == 410 -> Optional.empty();
            case DeliveryOutcome.Refused r -> Optional.empty();
            case DeliveryOutcome.Rejected r -> schedule.next(d.attempts() + 1, first, now, r.retryAfter(), ThreadLocalRandom.current()::nextDouble);
            case DeliveryOutcome.Unreachable u -> schedule.next(d.attempts() + 1, first, now, null, ThreadLocalRandom.current()::nextDouble);
            case DeliveryOutcome.Delivered ok -> throw new IllegalStateException("not a failure");
        };
        String reason = switch (outcome) {
            case DeliveryOutcome.Rejected r when r.status() == 410 -> "the endpoint answered 410 Gone";
            case DeliveryOutcome.Refused r -> "refused by the outbound policy: " + r.reason();
            default -> "deliveries failed for " + Duration.between(first, now).toMinutes() + " min (" + (d.attempts() + 1)
                    + " attempts); last: " + attempt.error();
        };
        if (next.isEmpty()) log.warn("webhook {} ({}) disabled: {}", w.id(), w.url(), reason);
        else log.info("webhook {}: attempt {} of delivery {} failed ({}); next at {}", w.id(), d.attempts() + 1, d.id(), attempt.error(),
                next.get());
        queue.failed(webhookId, owner, attempt, next, reason);
    }

    /** Renews the lease before a send that could outlast it. */
    private boolean keepLease() {
        Duration left = queue.lease().minus(Duration.between(leaseRenewedAt, Instant.now()));
        if (left.compareTo(timeout.multipliedBy(2)) > 0) return true;
        if (!flush() || !queue.renew(webhookId, owner)) return false;
        leaseRenewedAt = Instant.now();
        return true;
    }

    private boolean stale() {
        return !unrecorded.isEmpty() && Duration.between(oldestUnrecorded, Instant.now()).compareTo(FLUSH_AFTER) > 0;
    }

    private boolean flush() {
        if (unrecorded.isEmpty()) return true;
        boolean held = queue.delivered(webhookId, owner, drain());
        if (held) leaseRenewedAt = Instant.now();
        return held;
    }
}
