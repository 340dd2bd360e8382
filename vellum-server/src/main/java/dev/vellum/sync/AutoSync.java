package dev.vellum.sync;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic sync: connections with {@code schedule_minutes} sync both ways when due (claimed in the
 * database, so one node runs each); connections with {@code live} subscribe to Directus' WebSocket
 * and pull as soon as Directus reports a change, or poll incrementally (one request when nothing
 * changed) where Directus has no WebSocket. Changes that arrive during a run cause one more run.
 */
public final class AutoSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AutoSync.class);

    private final ConnectionService service;
    private final Duration tick;
    private final Duration poll;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService timer;

    /** A live connection: its subscription (null while polling) and whether a pull is wanted or running. */
    private static final class Live {
        volatile LiveSubscription subscription;
        volatile long lastPoll;
        final AtomicBoolean wanted = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
    }

    public AutoSync(ConnectionService service, Duration tick, Duration poll) {
        this.service = service;
        this.tick = tick;
        this.poll = poll;
    }

    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vellum-sync-auto");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            List<Connection> connections = service.automatic();
            Set<String> liveIds = new HashSet<>();
            for (Connection c : connections) {
                Integer minutes = c.options().scheduleMinutes();
                if (minutes != null && service.claimScheduled(c, minutes)) runs.submit(() -> service.trigger(c, "both", "schedule"));
                if (c.options().live()) {
                    liveIds.add(c.id());
                    watch(c);
                }
            }
            live.keySet().removeIf(id -> {
                if (liveIds.contains(id)) return false;
                LiveSubscription s = live.get(id).subscription;
                if (s != null) s.close();
                return true;
            });
        } catch (RuntimeException e) {
            log.warn("automatic sync tick failed: {}", e.toString());
        }
    }

    private void watch(Connection c) {
        Live l = live.computeIfAbsent(c.id(), id -> new Live());
        if (l.subscription == null || !l.subscription.alive()) {
            l.subscription = LiveSubscription.open(c.url(), service.token(c), c.remoteCollection(), () -> want(c, l), service.policy());
            if (l.subscription != null) want(c, l); // catch up with what changed while not subscribed
        }
        long now = System.nanoTime();
        if (l.subscription == null && now - l.lastPoll > poll.toNanos()) {
            l.lastPoll = now;
            want(c, l);
        }
    }

    private void want(Connection c, Live l) {
        l.wanted.set(true);
        if (!l.running.compareAndSet(false, true)) return; // the running loop picks it up
        runs.submit(() -> {
            try {
                while (l.wanted.getAndSet(false)) {
                    if (service.trigger(c, "pull", "live").isEmpty()) { // another run holds the connection: try again shortly
                        l.wanted.set(true);
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("live sync of connection {} failed: {}", c.id(), e.toString());
            } finally {
                l.running.set(false);
                if (l.wanted.get()) want(c, l);
            }
        });
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        live.values().forEach(l -> {
            if (l.subscription != null) l.subscription.close();
        });
        runs.shutdownNow();
    }
}
