package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
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
        HttpRequest outgoing = build(request);
        for (int attempt = 1; ; attempt++) {
            VellumClientException failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<byte[]> r = http.send(outgoing, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() >= 200 && r.statusCode() < 300) return success(request, r);
                VellumApiException e = ProblemMapper.map(r.statusCode(), r.headers(), r.body(), Instant.now());
                if (!retryable(e.status())) throw e;
                failure = e;
                if (e instanceof VellumApiException.RateLimited limited) retryAfter = limited.retryAfter();
            } catch (IOException e) {
                failure = new VellumTransportException(request.method() + " " + outgoing.uri() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VellumTransportException(request.method() + " " + outgoing.uri() + " was interrupted", e);
            }
            if (!request.idempotent()) throw failure;
            Optional<Duration> wait = retries.delayAfter(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            if (wait.isEmpty()) throw failure;
            onRetry.accept(new RetryEvent(request.method(), outgoing.uri(), attempt, wait.get(), failure));
            sleep(wait.get(), failure);
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private HttpRequest build(ApiRequest request) {
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
        return b.build();
    }

    private URI uri(ApiRequest request) {
        String query = request.query().entrySet().stream()
                .map(e -> ApiRequest.encode(e.getKey()) + "=" + ApiRequest.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static Response success(ApiRequest request, HttpResponse<byte[]> r) {
        if (r.body().length == 0) return new Response(r.statusCode(), r.headers(), MissingNode.getInstance());
        try {
            return new Response(r.statusCode(), r.headers(), Json.read(r.body()));
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
