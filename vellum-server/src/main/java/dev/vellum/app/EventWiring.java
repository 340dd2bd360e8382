package dev.vellum.app;

import dev.vellum.automation.InboundHookService;
import dev.vellum.automation.InboundReceiver;
import dev.vellum.changes.ChangeFeed;
import dev.vellum.changes.ChangeLog;
import dev.vellum.changes.ChangeStream;
import dev.vellum.config.EventSettings;
import dev.vellum.config.VellumConfig;
import dev.vellum.content.EntryService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.http.Services;
import dev.vellum.ids.Ulid;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.publishing.PublishScheduler;
import dev.vellum.publishing.PublishService;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import dev.vellum.webhooks.DeliverySender;
import dev.vellum.webhooks.WebhookDispatcher;
import dev.vellum.webhooks.WebhookService;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the event capabilities: the change feed that wakes them, webhook delivery, the live
 * stream, inbound hooks and publishing. Built with the facades; the background parts start only
 * when the node serves.
 */
final class EventWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventWiring.class);

    private final VellumConfig config;
    private final EventSettings settings;
    private final ChangeFeed feed;
    private final ChangeStream stream;
    private final WebhookDispatcher dispatcher;
    private final WebhookService webhooks;
    private final DeliverySender sender;
    private final PublishService publishing;
    private final InboundHookService inbound;
    private final InboundReceiver receiver;
    private final PublishScheduler scheduler;
    private ScheduledExecutorService poller;

    EventWiring(VellumConfig config, Database db, ChangeLog changes, EntryService entries) {
        this.config = config;
        this.settings = config.events();
        String nodeId = Ulid.next();
        SecretBox secrets = new SecretBox(config.secretKey(), config.dataDir());
        OutboundPolicy policy = OutboundPolicy.of(config.outboundAllowlist());
        this.sender = new DeliverySender(policy, settings.webhookTimeout(), nodeId);
        this.feed = new ChangeFeed(db);
        changes.onCommit(feed);
        this.stream = new ChangeStream(changes, feed, settings.streamHeartbeat());
        this.dispatcher = new WebhookDispatcher(db, settings, secrets, sender, nodeId);
        this.webhooks = new WebhookService(db, secrets, policy, sender, dispatcher::webhooksChanged);
        feed.subscribe((projectId, seq) -> dispatcher.wake());
        this.publishing = new PublishService(db, changes, settings, this::wakeScheduler);
        this.scheduler = new PublishScheduler(db, entries, publishing, settings.schedulerTick());
        this.inbound = new InboundHookService(db, secrets);
        this.receiver = new InboundReceiver(db, secrets, entries);
    }

    private void wakeScheduler() {
        scheduler.wake();
    }

    Services.Events services() {
        return new Services.Events(webhooks, stream, publishing, inbound, receiver);
    }

    /** Starts delivering, polling for other nodes' changes, and the log retention chore. */
    void start(ScheduledExecutorService chores) {
        Thread.ofVirtual().name("vellum-http-client-warm-up").start(sender::warmUp);
        dispatcher.start(!config.usesPostgres());
        scheduler.start();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vellum-poll");
            t.setDaemon(true);
            return t;
        });
        long poll = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(() -> quietly("poll for changes", feed::poll), poll, poll, TimeUnit.MILLISECONDS);
        chores.scheduleWithFixedDelay(() -> quietly("expire delivery logs", this::expireLogs), 5, 60, TimeUnit.MINUTES);
    }

    private void expireLogs() {
        String cutoff = Timestamps.format(Instant.now().minus(settings.deliveryLogRetention()));
        webhooks.expireLog(cutoff);
        inbound.expireLog(cutoff);
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("could not {}: {}", what, e.toString());
        }
    }

    void closeStreams() {
        stream.close();
    }

    @Override
    public void close() {
        if (poller != null) poller.shutdownNow();
        scheduler.close();
        dispatcher.close();
    }
}
