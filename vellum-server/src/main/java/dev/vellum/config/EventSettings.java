package dev.vellum.config;

import java.time.Duration;

/**
 * The settings of the event machinery (webhooks, live stream, inbound hooks, publishing), resolved.
 * Grouped apart from {@link VellumConfig} because only the event capabilities read them.
 */
public record EventSettings(
        Duration webhookTimeout,
        Duration backoffBase,
        Duration backoffMax,
        Duration maxAge,
        int webhookConcurrency,
        Duration deliveryLogRetention,
        Duration publishDebounce,
        Duration publishMaxWait,
        Duration schedulerTick,
        Duration streamHeartbeat,
        Duration poll) {

    public EventSettings {
        positive(webhookTimeout, Settings.WEBHOOK_TIMEOUT_MS);
        positive(backoffBase, Settings.WEBHOOK_BACKOFF_BASE_MS);
        positive(backoffMax, Settings.WEBHOOK_BACKOFF_MAX_MS);
        positive(maxAge, Settings.WEBHOOK_MAX_AGE_HOURS);
        positive(schedulerTick, Settings.SCHEDULER_TICK_MS);
        positive(streamHeartbeat, Settings.STREAM_HEARTBEAT_MS);
        positive(poll, Settings.POLL_MS);
        if (webhookConcurrency < 1) throw new IllegalArgumentException(Settings.WEBHOOK_CONCURRENCY.env() + " must be at least 1");
        if (publishDebounce.isNegative()) throw new IllegalArgumentException(Settings.PUBLISH_DEBOUNCE_MS.env() + " must be ≥ 0");
        if (publishMaxWait.compareTo(publishDebounce) < 0) {
            throw new IllegalArgumentException(Settings.PUBLISH_MAX_WAIT_MS.env() + " must be ≥ " + Settings.PUBLISH_DEBOUNCE_MS.env());
        }
    }

    private static void positive(Duration d, Setting s) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(s.env() + " must be greater than 0");
    }
}
