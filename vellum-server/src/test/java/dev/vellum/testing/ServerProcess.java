package dev.vellum.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Vellum server in a separate JVM ({@code dev.vellum.Main serve}, settings in its environment), for
 * tests that kill it with SIGKILL ({@link Process#destroyForcibly()}) and start it again.
 */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server with {@code env} (VELLUM_* settings) on {@code port}, its output going to {@code log}; waits until it answers. */
    public static ServerProcess start(int port, Map<String, String> env, Path log) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.vellum.Main", "serve"));
        pb.environment().putAll(env);
        pb.environment().put("VELLUM_PORT", Integer.toString(port));
        pb.environment().put("VELLUM_HOST", "127.0.0.1");
        pb.environment().put("VELLUM_ACCESS_LOG_LEVEL", "OFF");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            ServerProcess server = new ServerProcess(pb.start(), port);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server on a free port with {@code backend}'s database and the test admin token. */
    public static ServerProcess start(Backend backend, Path log) {
        int port = freePort();
        var c = backend.config(Map.of("VELLUM_PORT", Integer.toString(port)));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("VELLUM_DATA_DIR", c.dataDir().toString());
        c.databaseUrl().ifPresent(u -> env.put("VELLUM_DATABASE_URL", u));
        env.put("VELLUM_BOOTSTRAP_TOKEN", Backend.ADMIN_TOKEN);
        env.put("VELLUM_RATE_LIMIT_PER_MINUTE", Backend.TEST_RATE_LIMIT);
        return start(port, env, log);
    }

    public Api admin() {
        return new Api(base(), Backend.ADMIN_TOKEN);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        Wait.until("the server process to answer /readyz", timeout, () -> {
            if (!process.isAlive()) throw new AssertionError("the server process exited with " + process.exitValue());
            try {
                HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return r.statusCode() == 200 ? Boolean.TRUE : null;
            } catch (IOException notYet) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
