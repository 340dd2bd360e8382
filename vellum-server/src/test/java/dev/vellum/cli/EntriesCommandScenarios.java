package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.app.Vellum;
import dev.vellum.config.VellumConfig;
import dev.vellum.content.RichTextFormat;
import dev.vellum.testing.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code vellum entries list} in local mode: the filter language from the command line, JSON lines out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntriesCommandScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Backend backend;
    private List<String> storage;

    protected abstract Backend newBackend();

    @BeforeAll
    void seed() {
        backend = newBackend();
        VellumConfig config = backend.config();
        storage = config.usesPostgres() ? List.of("--database-url", config.databaseUrl().orElseThrow())
                : List.of("--data-dir", config.dataDir().toString());
        try (Vellum v = Vellum.open(config)) {
            v.services().projects().create("cli", null);
            v.services().collections().create("cli", JSON.valueToTree(Map.of("id", "posts", "fields", List.of(
                    Map.of("id", "title", "type", "text"), Map.of("id", "views", "type", "number", "integer", true)))), null);
            for (int i = 0; i < 12; i++) {
                v.services().entries().create("cli", "posts", JSON.valueToTree(Map.of("slug", "p" + i, "draft", i == 3,
                        "fields", Map.of("title", i % 2 == 0 ? "Java " + i : "Go " + i, "views", i * 10))), null, null, RichTextFormat.JSON);
            }
        }
    }

    @AfterAll
    void close() {
        if (backend != null) backend.close();
    }

    @Test
    void printsFilteredSortedEntriesAsJsonLines() throws Exception {
        Run r = run("entries", "list", "--project", "cli", "--collection", "posts", "--filter", "title ~ \"java\" and views >= 20",
                "--sort", "-views", "--fields", "title");
        assertThat(r.code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out.strip().split("\n")) lines.add(JSON.readTree(line));
        assertThat(lines).extracting(e -> e.get("slug").asText()).containsExactly("p10", "p8", "p6", "p4", "p2");
        assertThat(lines.getFirst().get("fields").has("views")).isFalse();
        assertThat(lines.getFirst().at("/fields/title").asText()).isEqualTo("Java 10");
    }

    @Test
    void searchesLikeTheApi() throws Exception {
        Run r = run("entries", "list", "--project", "cli", "--collection", "posts", "--search", "JAVA", "--filter", "views >= 40",
                "--sort", "views");
        assertThat(r.code).as(r.err).isZero();
        List<String> slugs = new ArrayList<>();
        for (String line : r.out.strip().split("\n")) slugs.add(JSON.readTree(line).get("slug").asText());
        assertThat(slugs).containsExactly("p4", "p6", "p8", "p10");
        Run bad = run("entries", "list", "--project", "cli", "--collection", "posts", "--search", "!!!");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("invalid_search");
    }

    @Test
    void limitCapsTheOutputAcrossPagesAndDraftsAreIncluded() {
        Run all = run("entries", "list", "--project", "cli", "--collection", "posts", "--sort", "views");
        assertThat(all.out.strip().split("\n")).hasSize(12).anySatisfy(l -> assertThat(l).contains("\"slug\":\"p3\"", "\"draft\":true"));
        Run two = run("entries", "list", "--project", "cli", "--collection", "posts", "--sort", "views", "--limit", "2");
        assertThat(two.out.strip().split("\n")).hasSize(2);
    }

    @Test
    void aBadFilterExitsWithTheErrorAndItsPosition() {
        Run r = run("entries", "list", "--project", "cli", "--collection", "posts", "--filter", "views > \"many\"");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("invalid_filter", "'views'", "at position 8");
        assertThat(r.out).isEmpty();
    }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = VellumCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(storage);
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
