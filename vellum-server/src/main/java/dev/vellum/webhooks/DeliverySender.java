package dev.vellum.webhooks;

import dev.vellum.crypto.SignatureHeader;
import dev.vellum.outbound.OutboundPolicy;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one delivery attempt: checks the destination against the outbound policy, signs the body
 * ({@code Vellum-Signature: t=…,v1=…}), POSTs it with the JDK client (no redirects, bounded in time)
 * and keeps the first few KB of the answer for the delivery log.
 */
public final class DeliverySender {
    static final int EXCERPT_BYTES = 2048;
    private static final String CLOSED = "connection lost: ";

    private final OutboundPolicy policy;
    private final Duration timeout;
    private final String userAgent;
    private volatile HttpClient client;

    /** @param nodeId named in the User-Agent, so a receiver can tell which node of a cluster sent a delivery */
    public DeliverySender(OutboundPolicy policy, Duration timeout, String nodeId) {
        this.policy = policy;
        this.timeout = timeout;
        this.userAgent = "Vellum-Webhooks/1 (node " + nodeId + ")";
    }

    /** Builds the HTTP client (its TLS setup takes a second) before the first delivery needs it. */
    public void warmUp() {
        client();
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c != null) return c;
        synchronized (this) {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            }
            return client;
        }
    }

    public DeliveryOutcome send(String url, String secret, String deliveryId, String event, String payload) {
        URI uri = URI.create(url);
        try {
            policy.check(uri);
        } catch (OutboundPolicy.Refused r) {
            return new DeliveryOutcome.Refused(r.getMessage());
        }
        DeliveryOutcome outcome = attempt(uri, secret, deliveryId, event, payload);
        // a kept-alive connection the receiver had closed fails at once: try once more on a fresh one
        // rather than wait for the backoff (at least once allows the rare double)
        return outcome instanceof DeliveryOutcome.Unreachable u && u.error().startsWith(CLOSED)
                ? attempt(uri, secret, deliveryId, event, payload) : outcome;
    }

    private DeliveryOutcome attempt(URI uri, String secret, String deliveryId, String event, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("Vellum-Delivery-Id", deliveryId)
                .header("Vellum-Event", event)
                .header("Vellum-Signature", SignatureHeader.sign(secret, Instant.now(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if ("http".equalsIgnoreCase(uri.getScheme())) request.version(HttpClient.Version.HTTP_1_1);
        long started = System.nanoTime();
        ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> pending = client().sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> keep(excerpt, bytes))));
        try {
            HttpResponse<Void> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long ms = elapsed(started);
            String text = excerpt(excerpt);
            int status = response.statusCode();
            if (status >= 200 && status < 300) return new DeliveryOutcome.Delivered(status, text, ms);
            return new DeliveryOutcome.Rejected(status, text, retryAfter(response.headers().firstValue("Retry-After").orElse(null)), ms);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new DeliveryOutcome.Unreachable("timed out after " + timeout.toMillis() + " ms", elapsed(started));
        } catch (ExecutionException e) {
            return new DeliveryOutcome.Unreachable(describe(e.getCause()), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new DeliveryOutcome.Unreachable("interrupted (node shutting down)", elapsed(started));
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static void keep(ByteArrayOutputStream excerpt, byte[] bytes) {
        synchronized (excerpt) {
            int room = EXCERPT_BYTES - excerpt.size();
            if (room > 0) excerpt.write(bytes, 0, Math.min(room, bytes.length));
        }
    }

    private static String excerpt(ByteArrayOutputStream excerpt) {
        synchronized (excerpt) {
            return excerpt.size() == 0 ? null : excerpt.toString(StandardCharsets.UTF_8);
        }
    }

    private static String describe(Throwable t) {
        return switch (t) {
            case HttpTimeoutException x -> "timed out: " + x.getMessage();
            case ConnectException x -> "connection failed" + (x.getMessage() == null ? "" : ": " + x.getMessage());
            case java.io.IOException x -> CLOSED + (x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage());
            case null -> "failed";
            default -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        };
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
