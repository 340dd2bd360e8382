package dev.vellum.changes;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live change streams: each subscriber gets its project's changes after a seq, in order, then new
 * ones as they commit, plus keep-alive comments. Idle subscribers hold no thread and no database
 * connection: a commit (or the poll for other nodes' commits) wakes a short pump per subscriber
 * that reads the log from its cursor and writes what it finds. One pump at a time per subscriber,
 * so its writes never interleave.
 */
public final class ChangeStream implements AutoCloseable {
    private static final int PAGE = 500;

    private final ChangeLog log;
    private final ChangeFeed feed;
    private final Map<String, Set<Subscription>> byProject = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vellum-stream-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Where a subscriber's events go: the HTTP adapter writes them as Server-Sent Events. */
    public interface Sink {
        void event(Change change) throws IOException;

        void comment(String text) throws IOException;

        void close();
    }

    private static final class Subscription {
        final String projectId;
        final boolean drafts;
        final Sink sink;
        long cursor; // only the running pump touches it
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean heartbeatDue = new AtomicBoolean();

        Subscription(String projectId, boolean drafts, Sink sink, long since) {
            this.projectId = projectId;
            this.drafts = drafts;
            this.sink = sink;
            this.cursor = since;
        }
    }

    public ChangeStream(ChangeLog log, ChangeFeed feed, Duration heartbeat) {
        this.log = log;
        this.feed = feed;
        feed.subscribe((projectId, seq) -> byProject.getOrDefault(projectId, Set.of()).forEach(this::wake));
        heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Streams the project's changes after {@code since} (null: from now) to {@code sink}; drafts only when {@code drafts}. */
    public void open(String projectId, Long since, boolean drafts, Sink sink) {
        // "from now" asks the database: this node's feed may not have polled another node's latest commits yet
        Subscription s = new Subscription(projectId, drafts, sink, since != null ? since : log.latest(projectId));
        byProject.computeIfAbsent(projectId, k -> ConcurrentHashMap.newKeySet()).add(s);
        wake(s);
    }

    public int subscribers() {
        return byProject.values().stream().mapToInt(Set::size).sum();
    }

    private void heartbeat() {
        for (Set<Subscription> subs : byProject.values()) {
            for (Subscription s : subs) {
                s.heartbeatDue.set(true);
                wake(s);
            }
        }
    }

    private void wake(Subscription s) {
        s.dirty.set(true);
        if (s.running.compareAndSet(false, true)) pumps.execute(() -> drain(s));
    }

    private void drain(Subscription s) {
        do {
            try {
                while (s.dirty.getAndSet(false)) {
                    if (s.heartbeatDue.getAndSet(false)) s.sink.comment("keep-alive");
                    catchUp(s);
                }
            } catch (IOException | RuntimeException e) {
                drop(s); // a gone client, or a failed read: the client reconnects with Last-Event-ID
                return;
            } finally {
                s.running.set(false);
            }
        } while (s.dirty.get() && s.running.compareAndSet(false, true));
    }

    private void catchUp(Subscription s) throws IOException {
        while (true) {
            long known = feed.latest(s.projectId); // read before the query: everything up to it is committed
            if (known <= s.cursor) return;
            List<Change> page = log.since(s.projectId, s.cursor, PAGE, s.drafts);
            for (Change c : page) {
                s.sink.event(c);
                s.cursor = c.seq();
            }
            if (page.size() < PAGE) {
                s.cursor = Math.max(s.cursor, known); // drafts hidden from this subscriber are skipped, not re-read
                return;
            }
        }
    }

    private void drop(Subscription s) {
        Set<Subscription> subs = byProject.get(s.projectId);
        if (subs != null) subs.remove(s);
        s.sink.close();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        byProject.values().forEach(subs -> subs.forEach(s -> s.sink.close()));
        byProject.clear();
        pumps.shutdownNow();
    }
}
