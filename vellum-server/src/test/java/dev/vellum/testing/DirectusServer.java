package dev.vellum.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Directus 12.4.0 (installed by {@code .ci/directus.sh} into ~/.cache/vellum/directus-12.4.0)
 * on a free loopback port, SQLite-backed, WebSockets on. One instance per test run: {@link #shared()}
 * starts it on first use and a shutdown hook stops it. Tests that create collections call
 * {@link #dropUserCollections()} afterwards (the free tier allows 25 collections).
 * Where no install is present the calling test is skipped and says why.
 */
public final class DirectusServer {
    public static final String TOKEN = "directus-test-static-token-0123456789";
    public static final String VERSION = "12.4.0";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // Directus hangs on the h2c upgrade the JDK offers by default
    private static DirectusServer shared;
    private static String unavailable;

    private final Process process;
    private final int port;
    private final Path dir;

    private DirectusServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The instance of this test run, started on first call; skips the calling test where Directus is not installed. */
    public static synchronized DirectusServer shared() {
        if (unavailable != null) Assumptions.abort(unavailable);
        if (shared == null) {
            Path home = home();
            Path cli = home.resolve("node_modules/@directus/api/dist/cli/run.js");
            if (!Files.exists(home.resolve(".installed")) || !Files.exists(cli)) {
                unavailable = "Directus " + VERSION + " is not installed in " + home + " (run .ci/directus.sh): skipping Directus tests";
                Assumptions.abort(unavailable);
            }
            shared = start(home, cli);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "directus-stop"));
        }
        return shared;
    }

    private static Path home() {
        String configured = System.getenv("VELLUM_DIRECTUS_HOME");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".cache", "vellum", "directus-" + VERSION);
    }

    private static DirectusServer start(Path home, Path cli) {
        try {
            Path dir = Files.createTempDirectory("vellum-directus-");
            Files.createDirectories(dir.resolve("uploads"));
            Files.createDirectories(dir.resolve("extensions"));
            int port = freePort();
            Map<String, String> env = environment(dir, port);
            run(home, cli, env, dir.resolve("bootstrap.log"), "bootstrap");
            ProcessBuilder pb = new ProcessBuilder("node", cli.toString(), "start").directory(home.toFile());
            pb.environment().putAll(env);
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("directus.log").toFile()));
            DirectusServer server = new DirectusServer(pb.start(), port, dir);
            try {
                server.awaitPing(Duration.ofSeconds(240)); // ~3 s on an idle machine; much longer while others build
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> environment(Path dir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("CONFIG_PATH", dir.resolve("no-such.env").toString()); // a .env in the folder would override the environment
        env.put("HOST", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("DB_CLIENT", "sqlite3");
        env.put("DB_FILENAME", dir.resolve("data.db").toString());
        env.put("KEY", "vellum-test-key");
        env.put("SECRET", "vellum-test-secret-0123456789abcdef");
        env.put("ADMIN_EMAIL", "admin@example.com");
        env.put("ADMIN_PASSWORD", "vellum-test-password");
        env.put("ADMIN_TOKEN", TOKEN);
        env.put("TELEMETRY", "false");
        env.put("TELEMETRY_URL", "http://127.0.0.1:9");
        env.put("COMPLIANCE_URL", "http://127.0.0.1:9");
        env.put("MARKETPLACE_REGISTRY", "http://127.0.0.1:9");
        env.put("PROJECT_OWNER_ENABLED", "false");
        env.put("AI_ENABLED", "false");
        env.put("MCP_ENABLED", "false");
        env.put("STORAGE_LOCATIONS", "local");
        env.put("STORAGE_LOCAL_ROOT", dir.resolve("uploads").toString());
        env.put("EXTENSIONS_PATH", dir.resolve("extensions").toString());
        env.put("WEBSOCKETS_ENABLED", "true");
        env.put("RATE_LIMITER_ENABLED", "false");
        env.put("LOG_LEVEL", "warn");
        env.put("CACHE_ENABLED", "false");
        return env;
    }

    private static void run(Path home, Path cli, Map<String, String> env, Path log, String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", cli.toString(), command).directory(home.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("directus " + command + " did not finish in 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != 0) throw new IllegalStateException("directus " + command + " failed; see " + log + ":\n" + Files.readString(log));
    }

    private void awaitPing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("directus exited; see " + dir.resolve("directus.log"));
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url() + "/server/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Receiver.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("directus did not answer /server/ping in " + timeout + "; see " + dir.resolve("directus.log"));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A client of Directus' REST API holding the admin's static token. */
    public Api api() {
        return new Api(url(), TOKEN).http1();
    }

    /** Creates a collection with an integer primary key {@code id}; {@code fields} as POST /fields takes them. */
    public void createCollection(String name, List<Map<String, Object>> fields) {
        Map<String, Object> id = Map.of("field", "id", "type", "integer",
                "meta", Map.of("hidden", true, "interface", "input", "readonly", true),
                "schema", Map.of("is_primary_key", true, "has_auto_increment", true));
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(id);
        all.addAll(fields);
        Api.Response r = api().post("/collections", Map.of("collection", name, "schema", Map.of(), "meta", Map.of(), "fields", all));
        if (r.status() != 200) throw new IllegalStateException("cannot create collection " + name + ": " + r);
    }

    /** Deletes every collection that is not Directus' own (junctions last-created first, so relations let go). */
    public void dropUserCollections() {
        JsonNode all = api().get("/collections").json().path("data");
        List<String> names = new ArrayList<>();
        all.forEach(c -> {
            String name = c.path("collection").asText();
            if (!name.startsWith("directus_")) names.add(name);
        });
        for (int pass = 0; pass < 3 && !names.isEmpty(); pass++) {
            for (String name : List.copyOf(names)) {
                int status = api().delete("/collections/" + name).status();
                if (status == 204 || status == 403) names.remove(name);
            }
        }
        if (!names.isEmpty()) throw new IllegalStateException("could not drop Directus collections " + names);
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
