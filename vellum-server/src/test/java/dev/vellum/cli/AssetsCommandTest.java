package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestFiles;
import dev.vellum.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** vellum assets upload|list|purge, on a local data dir and against a real server through the Java client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Backend backend;
    private TestServer server;
    private Path files;

    private record Run(int code, String out, String err) {
        List<JsonNode> lines() {
            List<JsonNode> out = new ArrayList<>();
            for (String l : this.out.split("\n")) {
                if (l.isBlank()) continue;
                try {
                    out.add(JSON.readTree(l));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + l);
                }
            }
            return out;
        }
    }

    @BeforeAll
    void start() throws IOException {
        backend = Backend.sqlite();
        server = new TestServer(backend);
        files = Files.createTempDirectory("vellum-cli-assets-");
        Files.write(files.resolve("a.png"), TestFiles.image("png", 30, 20, 1));
        Files.write(files.resolve("b.jpg"), TestFiles.image("jpeg", 10, 10, 2));
        Files.writeString(files.resolve("notes.txt"), "some notes");
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    private static Run run(String... args) {
        var cli = VellumCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private String[] remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url=" + server.base());
        all.add("--token=" + Backend.ADMIN_TOKEN);
        return all.toArray(String[]::new);
    }

    @Test
    void uploadListAndPurgeAgainstAServer() {
        server.project("cli-assets", "admin");
        Run up = run(remote("assets", "upload", "--project", "cli-assets", "--alt", "Pic", files.resolve("a.png").toString(),
                files.resolve("notes.txt").toString()));
        assertThat(up.code()).as(up.err()).isZero();
        assertThat(up.lines()).hasSize(2);
        assertThat(up.lines().get(0).get("content_type").asText()).isEqualTo("image/png");
        assertThat(up.lines().get(0).get("width").asInt()).isEqualTo(30);
        assertThat(up.lines().get(0).get("alt").asText()).isEqualTo("Pic");
        assertThat(up.lines().get(0).get("created").asBoolean()).isTrue();
        Run again = run(remote("assets", "upload", "--project", "cli-assets", files.resolve("a.png").toString()));
        assertThat(again.lines().get(0).get("created").asBoolean()).as("the same file is stored once").isFalse();
        assertThat(again.lines().get(0).get("id")).isEqualTo(up.lines().get(0).get("id"));

        Run images = run(remote("assets", "list", "--project", "cli-assets", "--type", "image/*"));
        assertThat(images.code()).as(images.err()).isZero();
        assertThat(images.lines()).extracting(n -> n.get("filename").asText()).containsExactly("a.png");
        Run dry = run(remote("assets", "purge", "--project", "cli-assets", "--older-than-days", "0", "--dry-run"));
        assertThat(dry.lines()).hasSize(2);
        assertThat(run(remote("assets", "list", "--project", "cli-assets")).lines()).hasSize(2);
        Run purged = run(remote("assets", "purge", "--project", "cli-assets", "--older-than-days", "0"));
        assertThat(purged.lines()).hasSize(2);
        assertThat(run(remote("assets", "list", "--project", "cli-assets")).lines()).isEmpty();
    }

    @Test
    void uploadListAndPurgeOnALocalDataDir() throws IOException {
        Path data = Files.createTempDirectory("vellum-cli-local-");
        String dir = "--data-dir=" + data;
        assertThat(run("projects", "create", "local-assets", dir).code()).isZero();
        Run up = run("assets", "upload", "--project", "local-assets", files.resolve("b.jpg").toString(), dir);
        assertThat(up.code()).as(up.err()).isZero();
        assertThat(up.lines().get(0).get("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(Files.exists(data.resolve("assets"))).isTrue();
        Run list = run("assets", "list", "--project", "local-assets", "--limit", "5", dir);
        assertThat(list.lines()).extracting(n -> n.get("filename").asText()).containsExactly("b.jpg");
        assertThat(run("assets", "purge", "--project", "local-assets", "--older-than-days", "0", dir).lines()).hasSize(1);
        assertThat(run("assets", "list", "--project", "local-assets", dir).lines()).isEmpty();
        Run missing = run("assets", "upload", "--project", "local-assets", files.resolve("nope.png").toString(), dir);
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("no such file");
    }
}
