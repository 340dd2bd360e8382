package dev.vellum.http;

import com.sun.net.httpserver.HttpExchange;
import dev.vellum.config.Settings;
import dev.vellum.config.VellumConfig;
import dev.vellum.observability.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * /metrics on its own address (VELLUM_METRICS_HOST:VELLUM_METRICS_PORT), without a token: who can
 * reach that address may read it, so it binds to loopback unless told otherwise.
 */
final class MetricsServer implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;

    /** Who may read /metrics: a token besides the instance admin's, or a separate port (null: the API port). */
    record MetricsConfig(java.util.Optional<String> token, Integer port, String host) {
        static MetricsConfig of(VellumConfig c) {
            String token = c.value(Settings.METRICS_TOKEN);
            return new MetricsConfig(token.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(token),
                    c.value(Settings.METRICS_PORT).isBlank() ? null : c.integer(Settings.METRICS_PORT), c.value(Settings.METRICS_HOST));
        }
    }

    MetricsServer(MetricsConfig config, Metrics metrics) {
        try {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the metrics port " + config.host() + ":" + config.port(), e);
        }
        server.createContext("/", exchange -> answer(exchange, metrics));
        server.setExecutor(null);
    }

    private static void answer(HttpExchange exchange, Metrics metrics) throws IOException {
        try (exchange) {
            boolean found = exchange.getRequestURI().getPath().equals("/metrics");
            boolean get = exchange.getRequestMethod().equals("GET");
            byte[] body = (found && get ? metrics.scrape() : found ? "method not allowed\n" : "not found\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", found && get ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain");
            exchange.sendResponseHeaders(found && get ? 200 : found ? 405 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    MetricsServer start() {
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
