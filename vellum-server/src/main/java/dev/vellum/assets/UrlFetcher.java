package dev.vellum.assets;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.outbound.OutboundPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a file for an upload from a URL. Every hop (the URL and each redirect) is checked against
 * the outbound policy before it is requested; redirects are followed by hand and bounded; the whole
 * fetch, body included, has one deadline; a declared length over the limit is refused before reading.
 */
final class UrlFetcher {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vellum-asset-fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    private final OutboundPolicy policy;
    private final Duration timeout;
    private final int maxRedirects;
    private final HttpClient client;

    UrlFetcher(OutboundPolicy policy, Duration timeout, int maxRedirects) {
        this.policy = policy;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10)).build();
    }

    /** An open download: its body, the file name its URL suggests and the type the server declared. */
    interface Body {
        void consume(InputStream in, String filename, String declaredType);
    }

    /** Fetches {@code url} and hands the body to {@code body} while the connection is open. */
    void fetch(URI url, long maxBytes, Body body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            check(current);
            HttpResponse<InputStream> r = send(current, deadline);
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304 && r.headers().firstValue("Location").isPresent()) {
                close(r.body());
                if (hop >= maxRedirects) throw invalid("too_many_redirects", "The URL redirected more than " + maxRedirects + " times");
                current = current.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            try (InputStream in = r.body()) {
                if (status < 200 || status > 299) throw invalid("fetch_failed", "The URL answered HTTP " + status);
                long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) throw new VellumException.PayloadTooLarge("The file at the URL is larger than the limit of " + maxBytes + " bytes");
                ScheduledFuture<?> stop = WATCHDOG.schedule(() -> close(in), Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                try {
                    body.consume(in, filename(current), r.headers().firstValue("Content-Type").orElse(null));
                } finally {
                    stop.cancel(false);
                }
                if (System.nanoTime() - deadline > 0) throw invalid("fetch_timeout", "Downloading the URL took longer than " + timeout.toMillis() + " ms");
                return;
            } catch (IOException e) {
                throw invalid("fetch_failed", "Downloading the URL failed: " + e.getMessage());
            }
        }
    }

    private void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw invalid("invalid_url", "Only http and https URLs can be fetched");
        try {
            policy.check(url);
        } catch (OutboundPolicy.Refused e) {
            throw invalid("url_not_allowed", e.getMessage());
        }
    }

    private HttpResponse<InputStream> send(URI url, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw invalid("fetch_timeout", "Downloading the URL took longer than " + timeout.toMillis() + " ms");
        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofNanos(left)).header("User-Agent", "Vellum asset fetcher").GET().build();
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw invalid("fetch_timeout", "The URL did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw invalid("fetch_failed", "The URL could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("fetch_failed", "interrupted");
        }
    }

    private static String filename(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) return null;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    private static VellumException invalid(String code, String message) {
        return new VellumException.Invalid(code, message, List.of(new FieldError("url", code, message)));
    }
}
