package dev.vellum.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Vellum as a separate JVM process (so a test can kill it with SIGKILL), on a fixed free port. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code vellum serve} with the backend's settings (as environment) and waits until it is ready. */
    public static ServerProcess start(Backend backend, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.vellum.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.putAll(backendEnv(backend, port));
        env.put("VELLUM_ACCESS_LOG_LEVEL", "OFF");
        ServerProcess sp = new ServerProcess(pb.start(), port);
        sp.awaitReady(Duration.ofSeconds(60));
        return sp;
    }

    private static Map<String, String> backendEnv(Backend backend, int port) {
        var c = backend.config(Map.of("VELLUM_PORT", Integer.toString(port)));
        var env = new java.util.HashMap<String, String>();
        env.put("VELLUM_PORT", Integer.toString(c.port()));
        env.put("VELLUM_HOST", "127.0.0.1");
        env.put("VELLUM_DATA_DIR", c.dataDir().toString());
        c.databaseUrl().ifPresent(u -> env.put("VELLUM_DATABASE_URL", u));
        env.put("VELLUM_BOOTSTRAP_TOKEN", Backend.ADMIN_TOKEN);
        return env;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("server exited with " + process.exitValue());
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(base() + "/readyz")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IOException("server not ready within " + timeout);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Api admin() {
        return new Api(base(), Backend.ADMIN_TOKEN);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

}
