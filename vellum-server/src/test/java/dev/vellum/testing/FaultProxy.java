package dev.vellum.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP proxy on loopback in front of another server (e.g. the test Directus) that can be told
 * to answer 500 for the next n requests, to vanish (close every connection unanswered) after n
 * more requests, until told to recover, or to do something just before forwarding a request.
 * Counts what it forwarded.
 */
public final class FaultProxy implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "keep-alive",
            "expect");

    private final String target;
    private final HttpServer server;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger untilDown = new AtomicInteger(-1);
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<Hook> before = new java.util.concurrent.atomic.AtomicReference<>();

    /** Something to do (once) just before the next request of a method is forwarded. */
    private record Hook(String method, Runnable action) {}

    public FaultProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} requests get a 500. */
    public void fail(int n) {
        failures.set(n);
    }

    /** After {@code n} more requests, every request is dropped unanswered (Directus gone). */
    public void vanishAfter(int n) {
        untilDown.set(n);
    }

    /** Runs {@code action} once, just before the next {@code method} request is forwarded (e.g. change the target under a client's feet). */
    public void beforeNext(String method, Runnable action) {
        before.set(new Hook(method, action));
    }

    public void recover() {
        untilDown.set(-1);
        failures.set(0);
    }

    public int forwarded() {
        return forwarded.get();
    }

    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int left = untilDown.get();
        if (left == 0 || (left > 0 && untilDown.decrementAndGet() < 0)) {
            refused.incrementAndGet();
            ex.close(); // no answer at all
            return;
        }
        if (failures.get() > 0 && failures.getAndDecrement() > 0) {
            refused.incrementAndGet();
            byte[] out = "{\"errors\":[{\"message\":\"injected failure\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}".getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(500, out.length);
            ex.getResponseBody().write(out);
            ex.close();
            return;
        }
        Hook hook = before.get();
        if (hook != null && hook.method().equalsIgnoreCase(ex.getRequestMethod()) && before.compareAndSet(hook, null)) hook.action().run();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI())).timeout(Duration.ofSeconds(60))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, vs) -> {
            if (!HOP.contains(k.toLowerCase(Locale.ROOT))) vs.forEach(v -> b.header(k, v));
        });
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
            r.headers().map().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) ex.getResponseHeaders().put(k, List.copyOf(vs));
            });
            byte[] out = r.body();
            ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) ex.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
