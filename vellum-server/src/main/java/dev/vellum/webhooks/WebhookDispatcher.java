package dev.vellum.webhooks;

import dev.vellum.config.EventSettings;
import dev.vellum.crypto.SecretBox;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives webhook deliveries on one node. A coordinator thread leases endpoints that have work
 * (new changes past their cursor, or a due retry) and hands each to a worker ({@link EndpointRun}).
 * It wakes at once when this node commits a change, when a worker finishes, at the next retry it
 * knows of, and otherwise every poll interval to see other nodes' work and expired leases.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final String nodeId;
    private final DeliveryQueue queue;
    private final DeliverySender sender;
    private final SecretBox secrets;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final Duration poll;
    private final int concurrency;
    private final ExecutorService workers;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final PriorityBlockingQueue<Instant> retries = new PriorityBlockingQueue<>();
    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private Thread coordinator;

    public WebhookDispatcher(Database db, EventSettings settings, SecretBox secrets, DeliverySender sender, String nodeId) {
        this.nodeId = nodeId;
        this.timeout = settings.webhookTimeout();
        this.queue = new DeliveryQueue(db, max(Duration.ofSeconds(60), timeout.multipliedBy(3)));
        this.sender = sender;
        this.secrets = secrets;
        this.schedule = new RetrySchedule(settings.backoffBase(), settings.backoffMax(), settings.maxAge());
        this.poll = settings.poll();
        this.concurrency = settings.webhookConcurrency();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "vellum-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** @param singleNode true on SQLite: leases left in the database are from a process that is gone */
    public void start(boolean singleNode) {
        if (singleNode) queue.expireLeases();
        queue.singleNode(singleNode);
        running = true;
        coordinator = new Thread(this::coordinate, "vellum-webhooks");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    /** Something may have become deliverable: look now rather than at the next poll. */
    public void wake() {
        signal.bump();
    }

    /** A webhook was made, changed or removed on this node: look now, and do not trust what was known of them. */
    public void webhooksChanged() {
        queue.webhooksChanged();
        signal.bump();
    }

    private void coordinate() {
        while (running) {
            long seen = signal.count();
            int free = concurrency - active.size();
            if (free > 0) {
                try {
                    for (String id : queue.lease(nodeId, free)) {
                        if (active.add(id)) {
                            workers.execute(new EndpointRun(id, nodeId, queue, sender, secrets, schedule, timeout, signal,
                                    () -> active.remove(id), this::finished));
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("could not lease webhook endpoints: {}", e.toString());
                }
            }
            await(seen);
        }
    }

    /** Until a wake-up, the next retry this node knows of, or the poll interval. */
    private void await(long seen) {
        Instant now = Instant.now();
        while (!retries.isEmpty() && !retries.peek().isAfter(now)) retries.poll();
        long waitMs = poll.toMillis();
        Instant next = retries.peek();
        if (next != null) waitMs = Math.min(waitMs, Math.max(1, Duration.between(now, next).toMillis() + 1));
        try {
            signal.await(seen, waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void finished(String webhookId, Optional<String> due) {
        due.map(Timestamps::parse).filter(t -> t.isAfter(Instant.now())).ifPresent(retries::add);
        signal.bump();
    }

    @Override
    public void close() {
        running = false;
        if (coordinator != null) coordinator.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
