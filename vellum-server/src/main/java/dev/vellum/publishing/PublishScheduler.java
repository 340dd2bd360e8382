package dev.vellum.publishing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled publishing and the firing of debounced publishes, on every node. Each tick turns drafts
 * whose publish_at has come live through the normal update path (so entry.updated is logged and
 * webhooks hear of it), guarded by the version it read: when two nodes race, one update wins and
 * the other finds the version moved on. Projects with entries turned live get a publish request.
 */
public final class PublishScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PublishScheduler.class);
    private static final String ACTOR = "scheduler";
    private static final int BATCH = 200;

    private final Database db;
    private final EntryService entries;
    private final PublishService publishes;
    private final Duration tick;
    private final ScheduleRepository schedule = new ScheduleRepository();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    public PublishScheduler(Database db, EntryService entries, PublishService publishes, Duration tick) {
        this.db = db;
        this.entries = entries;
        this.publishes = publishes;
        this.tick = tick;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "vellum-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** A publish was requested: recompute when to wake. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Instant next = Instant.now().plus(tick);
            try {
                publishDueEntries();
                publishes.fireDue();
                Instant fire = publishes.nextFire().orElse(next);
                if (fire.isBefore(next)) next = fire;
            } catch (RuntimeException e) {
                log.warn("scheduled publishing failed this tick: {}", e.toString());
            }
            await(next);
        }
    }

    /** Turns due drafts live; returns how many this node turned. */
    int publishDueEntries() {
        Set<String> projects = new LinkedHashSet<>();
        int published = 0;
        for (ScheduleRepository.DueEntry d : db.read(tx -> schedule.due(tx, Timestamps.now(), BATCH))) {
            ObjectNode live = JsonNodeFactory.instance.objectNode().put("draft", false).putNull("publish_at");
            try {
                entries.update(d.projectId(), d.collectionId(), d.entryId(), live, d.version(), ACTOR, RichTextFormat.JSON);
                projects.add(d.projectId());
                published++;
            } catch (VellumException.PreconditionFailed | VellumException.NotFound raced) {
                // another node published it first, or it was changed or deleted meanwhile: nothing to do
            } catch (VellumException e) {
                log.warn("cannot publish entry {} of {}/{}: {}", d.entryId(), d.projectId(), d.collectionId(), e.detail());
            }
        }
        projects.forEach(p -> publishes.request(p, true));
        return published;
    }

    private void await(Instant next) {
        lock.lock();
        try {
            long ms = Math.max(1, Duration.between(Instant.now(), next).toMillis());
            if (!signalled) wakeUp.await(ms, TimeUnit.MILLISECONDS);
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) thread.interrupt();
    }
}
