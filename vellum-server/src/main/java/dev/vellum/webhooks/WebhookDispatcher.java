package dev.vellum.webhooks;

import dev.vellum.config.EventSettings;
import dev.vellum.crypto.SecretBox;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
    private final PriorityQueue<Instant> retries = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean signalled;
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
        running = true;
        coordinator = new Thread(this::coordinate, "vellum-webhooks");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    /** Something may have become deliverable: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    private void coordinate() {
        while (running) {
            int free = concurrency - active.size();
            if (free > 0) {
                try {
                    for (String id : queue.lease(nodeId, free)) {
                        if (active.add(id)) {
                            workers.execute(new EndpointRun(id, nodeId, queue, sender, secrets, schedule, timeout, () -> active.remove(id),
                                    this::finished));
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("could not lease webhook endpoints: {}", e.toString());
                }
            }
            await();
        }
    }

    private void await() {
        lock.lock();
        try {
            Instant now = Instant.now();
            while (!retries.isEmpty() && !retries.peek().isAfter(now)) retries.poll();
            long waitMs = poll.toMillis();
            if (!retries.isEmpty()) waitMs = Math.min(waitMs, Math.max(1, Duration.between(now, retries.peek()).toMillis() + 1));
            if (!signalled) wakeUp.await(waitMs, TimeUnit.MILLISECONDS);
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void finished(String webhookId, Optional<String> due) {
        lock.lock();
        try {
            due.map(Timestamps::parse).filter(t -> t.isAfter(Instant.now())).ifPresent(retries::add);
            signalled = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
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
