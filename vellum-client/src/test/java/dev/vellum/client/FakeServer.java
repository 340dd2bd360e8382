package dev.vellum.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted HTTP server on a free loopback port, for unit tests of the client: it answers the queued
 * replies in order (then the handler, if any), and records every request it received and when.
 */
final class FakeServer implements AutoCloseable {
    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private Function<Received, Reply> handler = r -> new Reply(500, Map.of(), "no reply scripted for " + r.method() + " " + r.path());

    /** A request as it arrived: headers by lower-case name, query decoded, and the arrival times. */
    record Received(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
                    long nanos, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        /** An entry {@code e1} at {@code version}, as the server renders one. */
        static Reply entry(int status, long version) {
            return json(status, """
                    {"id": "e1", "slug": "hello", "draft": false, "version": %d, "created_at": "2026-01-01T00:00:00.000Z",
                     "updated_at": "2026-01-02T00:00:00.000Z", "fields": {"title": "Hello", "views": 3}}""".formatted(version));
        }

        static Reply problem(int status, String code) {
            return problem(status, code, Map.of());
        }

        static Reply problem(int status, String code, Map<String, String> headers) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Content-Type", "application/problem+json");
            return new Reply(status, h, """
                    {"type": "urn:vellum:problem:%s", "title": "t", "status": %d, "code": "%s", "detail": "d", "request_id": "req-1"}"""
                    .formatted(code, status, code));
        }
    }

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeServer reply(Reply... replies) {
        synchronized (this) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    FakeServer handle(Function<Received, Reply> h) {
        synchronized (this) {
            handler = h;
        }
        return this;
    }

    synchronized List<Received> requests() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange ex) throws IOException {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), query(ex.getRequestURI().getRawQuery()),
                headers, body, nanos, at);
        Reply reply;
        synchronized (this) {
            received.add(r);
            reply = script.isEmpty() ? handler.apply(r) : script.poll();
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
