package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.app.Vellum;
import dev.vellum.importers.wordpress.WxrFile;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed mid-run (SIGKILL of the process doing it) and run again: every post once, none
 * missing. And a run that stopped inside a job (its node died) resumed under the same job id: exact counts.
 */
class KillAndResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POSTS = 1500;

    @Test
    void aKilledCliImportCompletesWhenRunAgain(@TempDir Path dir) throws Exception {
        Path wxr = WxrGenerator.write(dir.resolve("site.xml"), "https://kill.example", POSTS, null);
        Backend.Sqlite backend = new Backend.Sqlite(dir.resolve("data"));
        Files.createDirectories(backend.dir());
        try (Vellum v = Vellum.open(backend.config())) {
            v.services().projects().create("k", "Kill");
        }
        Process first = cli(backend, wxr, dir.resolve("first.log"));
        String db = "jdbc:sqlite:" + backend.dir().resolve("vellum.db");
        Wait.until("the import to have written some posts", Duration.ofSeconds(120), () -> {
            if (!first.isAlive()) throw new AssertionError("the import ended before it could be killed (exit " + first.exitValue() + ")");
            long n = count(db, "SELECT COUNT(*) FROM import_map WHERE source_id LIKE 'post:%'");
            return n >= 100 ? Boolean.TRUE : null;
        });
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long before = count(db, "SELECT COUNT(*) FROM import_map WHERE source_id LIKE 'post:%'");
        assertThat(before).isBetween(100L, (long) POSTS - 1);

        Process second = cli(backend, wxr, dir.resolve("second.log"));
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
        try (Vellum v = Vellum.open(backend.config())) {
            String table = v.services().collections().get("k", "posts").table();
            long posts = v.services().database().read(tx -> tx.count("SELECT COUNT(*) FROM " + table));
            long distinct = v.services().database().read(tx -> tx.count("SELECT COUNT(DISTINCT slug) FROM " + table));
            assertThat(posts).isEqualTo(POSTS);
            assertThat(distinct).isEqualTo(POSTS);
            long logged = v.services().database().read(tx -> tx.count(
                    "SELECT COUNT(*) FROM changes WHERE project_id = 'k' AND collection_id = 'posts' AND kind = 'entry.created'"));
            assertThat(logged).isEqualTo(POSTS);
        }
        assertThat(Files.readString(dir.resolve("second.log"))).contains("unchanged");
    }

    @Test
    void aJobRunAgainUnderItsIdKeepsExactCounts(@TempDir Path dir) throws Exception {
        Path wxr = WxrGenerator.write(dir.resolve("site.xml"), "https://resume.example", 250, null);
        try (Backend backend = Backend.sqlite(); Vellum v = Vellum.open(backend.config())) {
            v.services().projects().create("r", "Resume");
            Importers importers = v.services().importers();
            ImportContext diesAfter200 = new ImportContext() {
                @Override public void progress(String phase, long done, long total) {
                    if (phase.equals("content") && done >= 200) throw new IllegalStateException("the node died");
                }
                @Override public boolean cancelled() { return false; }
            };
            ObjectNode options = JSON.createObjectNode().put("media", false);
            try {
                importers.wordpress("r", "job-a", new WxrFile(() -> Files.newInputStream(wxr), "x"), options, diesAfter200);
            } catch (IllegalStateException expected) {
                // the first attempt
            }
            assertThat(importers.counts("job-a").get("created").asLong()).isEqualTo(1 + 1 + 1 + 200);
            ObjectNode done = importers.wordpress("r", "job-a", new WxrFile(() -> Files.newInputStream(wxr), "x"), options, ImportContext.NONE);
            assertThat(done.get("counts").get("created").asLong()).isEqualTo(1 + 1 + 1 + 250);
            assertThat(done.get("counts").get("unchanged").asLong()).isZero(); // the first attempt's rows stay as they were
            String table = v.services().collections().get("r", "posts").table();
            long rows = v.services().database().read(tx -> tx.count("SELECT COUNT(*) FROM " + table));
            assertThat(rows).isEqualTo(250);
            List<ImportLog.Row> log = importers.log("job-a", 0, 1000, null);
            assertThat(log).hasSize(253);
            assertThat(log.stream().map(ImportLog.Row::sourceId).distinct()).hasSize(253);
        }
    }

    private static Process cli(Backend.Sqlite backend, Path wxr, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.vellum.Main", "import", "wordpress", wxr.toString(), "--project", "k",
                "--option", "media=false"));
        pb.environment().putAll(Map.of("VELLUM_DATA_DIR", backend.dir().toString(), "VELLUM_BOOTSTRAP_TOKEN", Backend.ADMIN_TOKEN));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // the table is not there yet, or the file is busy
        }
    }
}
