package dev.vellum.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on loopback (JDK HttpServer, port 0) that records every request and answers
 * as each path's responder says. Webhook tests point Vellum at it.
 */
public final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();

    /** One received request; header names are lower case. {@code nanos} is System.nanoTime() at arrival. */
    public record Request(String path, Map<String, String> headers, String body, long nanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** How to answer; {@code delayMs} before answering. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMs) {
        public static Reply ok() {
            return new Reply(200, Map.of(), "ok", 0);
        }

        /** Closes the connection without answering. */
        public static Reply drop() {
            return new Reply(0, Map.of(), "", 0);
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), "status " + status, 0);
        }
    }

    @FunctionalInterface
    public interface Responder {
        /** @param n how many requests this path had before this one */
        Reply reply(Request request, int n);
    }

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void respond(String path, Responder responder) {
        responders.put(path, responder);
    }

    private void handle(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request r = new Request(ex.getRequestURI().getPath(), headers, body, arrived);
        int n;
        synchronized (requests) {
            n = (int) requests.stream().filter(x -> x.path().equals(r.path())).count();
            requests.add(r);
            requests.notifyAll();
        }
        Reply reply = responders.getOrDefault(r.path(), (req, i) -> Reply.ok()).reply(r, n);
        if (reply.delayMs() > 0) {
            try {
                Thread.sleep(reply.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.status() == 0) {
            ex.close();
            return;
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) ex.getResponseBody().write(out);
        ex.close();
    }

    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Waits until {@code path} has at least {@code count} requests; fails after {@code timeout}. */
    public List<Request> await(String path, int count, Duration timeout) {
        return awaitMatching(path, list -> list.size() >= count, timeout, "at least " + count + " requests");
    }

    public List<Request> awaitMatching(String path, Predicate<List<Request>> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                List<Request> mine = requests.stream().filter(r -> r.path().equals(path)).toList();
                if (done.test(mine)) return mine;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("timed out waiting for " + what + " on " + path + "; got " + mine.size());
                try {
                    requests.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Lets time pass (for "nothing more arrives" checks), without asserting on how long anything took. */
    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
