package dev.vellum.client;

import java.net.URI;
import java.time.Duration;

/**
 * A retry about to happen, for logging and metrics: attempt {@code attempt} of {@code method uri}
 * failed with {@code cause} (an error answer, or no answer), and the client waits {@code delay}.
 */
public record RetryEvent(String method, URI uri, int attempt, Duration delay, VellumClientException cause) {}
