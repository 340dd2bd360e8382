package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiFunction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Sends requests: authentication, JSON, error mapping, and retries of idempotent requests on 429,
 * 5xx and connection failures under the {@link RetryPolicy}. Immutable, so safe to share between threads.
 */
final class Transport {
    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final Duration timeout;
    private final RetryPolicy retries;
    private final Consumer<RetryEvent> onRetry;

    /** A 2xx answer: status, headers, and the body as JSON (missing when empty, as for 204). */
    record Response(int status, HttpHeaders headers, JsonNode body) {}

    Transport(HttpClient http, String baseUrl, String token, Duration timeout, RetryPolicy retries, Consumer<RetryEvent> onRetry) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
        this.retries = retries;
        this.onRetry = onRetry;
    }

    /** The answer's body as JSON; an error answer or a failure as its exception. */
    JsonNode call(ApiRequest request) {
        return send(request).body();
    }

    Response send(ApiRequest request) {
        return exchange(request, build(request).build(), request.idempotent(), Transport::success);
    }

    /**
     * POSTs a file as the raw body, streamed from disk. Retried like an idempotent request: the server
     * stores identical bytes once, so a repeated upload answers with the same asset.
     */
    Response upload(ApiRequest request, Path file, String contentType) {
        HttpRequest outgoing;
        try {
            outgoing = build(request).header("Content-Type", contentType).method(request.method(), HttpRequest.BodyPublishers.ofFile(file)).build();
        } catch (java.io.FileNotFoundException e) {
            throw new VellumTransportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return exchange(request, outgoing, true, Transport::success);
    }

    /** GETs a body straight into {@code target}. */
    Path download(ApiRequest request, Path target) {
        return exchange(request, build(request).build(), true, (req, r) -> {
            try (InputStream in = r.body()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (IOException e) {
                throw new VellumTransportException(req.method() + " " + r.uri() + ": the body could not be saved: " + e, e);
            }
        });
    }

    private <T> T exchange(ApiRequest request, HttpRequest outgoing, boolean idempotent, BiFunction<ApiRequest, HttpResponse<InputStream>, T> onSuccess) {
        for (int attempt = 1; ; attempt++) {
            VellumClientException failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<InputStream> r = http.send(outgoing, HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() >= 200 && r.statusCode() < 300) return onSuccess.apply(request, r);
                byte[] body;
                try (InputStream in = r.body()) {
                    body = in.readAllBytes();
                }
                VellumApiException e = ProblemMapper.map(r.statusCode(), r.headers(), body, Instant.now());
                if (!retryable(e.status())) throw e;
                failure = e;
                if (e instanceof VellumApiException.RateLimited limited) retryAfter = limited.retryAfter();
            } catch (IOException e) {
                failure = new VellumTransportException(request.method() + " " + outgoing.uri() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VellumTransportException(request.method() + " " + outgoing.uri() + " was interrupted", e);
            }
            if (!idempotent) throw failure;
            Optional<Duration> wait = retries.delayAfter(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            if (wait.isEmpty()) throw failure;
            onRetry.accept(new RetryEvent(request.method(), outgoing.uri(), attempt, wait.get(), failure));
            sleep(wait.get(), failure);
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private HttpRequest.Builder build(ApiRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(request)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "vellum-java-client");
        if (token != null) b.header("Authorization", "Bearer " + token);
        request.headers().forEach(b::header);
        if (request.body() == null) {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        }
        return b;
    }

    private URI uri(ApiRequest request) {
        String query = request.query().entrySet().stream()
                .map(e -> ApiRequest.encode(e.getKey()) + "=" + ApiRequest.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static Response success(ApiRequest request, HttpResponse<InputStream> r) {
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new VellumTransportException(request.method() + " " + r.uri() + " answered " + r.statusCode() + " but the body broke off", e);
        }
        if (body.length == 0) return new Response(r.statusCode(), r.headers(), MissingNode.getInstance());
        try {
            return new Response(r.statusCode(), r.headers(), Json.read(body));
        } catch (IOException e) {
            throw new VellumTransportException(request.method() + " " + r.uri() + " answered " + r.statusCode()
                    + " with a body that is not JSON", e);
        }
    }

    private static void sleep(Duration wait, VellumClientException failure) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
