package dev.vellum.testing;

import dev.vellum.config.VellumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one test class: a fresh SQLite file in a temp dir, or a fresh PostgreSQL database
 * created on the local server (127.0.0.1:5432, user postgres; override with VELLUM_TEST_POSTGRES_URL)
 * and dropped afterwards. Where no PostgreSQL answers, PostgreSQL tests are skipped and say so.
 */
public sealed interface Backend extends AutoCloseable {
    String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** Limits stay on in tests (their headers are part of every response) but never throttle a scenario. */
    String TEST_RATE_LIMIT = "1000000";

    /** Settings for a server on this backend; port 0 picks a free port. */
    VellumConfig config(Map<String, String> extra);

    default VellumConfig config() {
        return config(Map.of());
    }

    String name();

    @Override
    void close();

    static Backend sqlite() {
        try {
            return new Sqlite(Files.createTempDirectory("vellum-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new PostgreSQL database, or a skipped test (with the reason) when none is reachable. */
    static Backend postgres() {
        String base = System.getenv().getOrDefault("VELLUM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String admin = base + "postgres?user=postgres&connectTimeout=3";
        String name = "vellum_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at " + base + " (" + e.getMessage() + "): skipping PostgreSQL tests");
        }
        return new Postgres(admin, base + name + "?user=postgres", name);
    }

    record Sqlite(Path dir) implements Backend {
        @Override public String name() { return "sqlite"; }

        @Override
        public VellumConfig config(Map<String, String> extra) {
            Map<String, String> o = new HashMap<>(Map.of("VELLUM_DATA_DIR", dir.toString(), "VELLUM_PORT", "0",
                    "VELLUM_BOOTSTRAP_TOKEN", ADMIN_TOKEN, "VELLUM_HOST", "127.0.0.1", "VELLUM_RATE_LIMIT_PER_MINUTE", TEST_RATE_LIMIT));
            o.putAll(extra);
            return VellumConfig.resolve(Map.of(), o);
        }

        @Override
        public void close() {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    record Postgres(String adminUrl, String url, String database) implements Backend {
        @Override public String name() { return "postgres"; }

        @Override
        public VellumConfig config(Map<String, String> extra) {
            Map<String, String> o = new HashMap<>(Map.of("VELLUM_DATABASE_URL", url, "VELLUM_PORT", "0",
                    "VELLUM_BOOTSTRAP_TOKEN", ADMIN_TOKEN, "VELLUM_HOST", "127.0.0.1", "VELLUM_RATE_LIMIT_PER_MINUTE", TEST_RATE_LIMIT));
            o.putAll(extra);
            return VellumConfig.resolve(Map.of(), o);
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // leaving a test database behind is harmless
            }
        }
    }
}
