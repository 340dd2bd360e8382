package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The CLI against a real server (--url/--token, through the Java client), and schema-as-code in both modes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliRemoteTest {
    private Backend backend;
    private TestServer server;

    private record Run(int code, String out, String err) {}

    @BeforeAll
    void start() {
        backend = Backend.sqlite();
        server = new TestServer(backend);
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

    private String[] remote(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url=" + server.base());
        all.add("--token=" + token);
        return all.toArray(String[]::new);
    }

    @Test
    void projectsAndTokensRemotely() {
        Run created = run(remote(Backend.ADMIN_TOKEN, "projects", "create", "remote-a", "--name", "Remote A"));
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(run(remote(Backend.ADMIN_TOKEN, "projects", "list")).out()).contains("remote-a\tRemote A");
        Run token = run(remote(Backend.ADMIN_TOKEN, "tokens", "create", "--project", "remote-a", "--name", "ci", "--scope", "write"));
        assertThat(token.code()).as(token.err()).isZero();
        String secret = token.out().strip();
        assertThat(new Api(server.base(), secret).get("/v1/projects/remote-a/collections").status()).isEqualTo(200);
        Run denied = run(remote(secret, "projects", "list"));
        assertThat(denied.code()).isEqualTo(2);
        assertThat(denied.err()).contains("instance_admin_required").contains("HTTP 403");
        assertThat(run("projects", "list", "--url=" + server.base()).err()).contains("--token");
    }

    @Test
    void localFilesAreUploadedAndImportedOnTheServer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        server.admin().post("/v1/projects", Map.of("id", "import-remote"));
        String token = adminSecret("import-remote");
        Api api = new Api(server.base(), token);
        assertThat(api.post("/v1/projects/import-remote/collections", Map.of("id", "items", "slug_from", "name", "fields", List.of(
                Map.of("id", "name", "type", "text"), Map.of("id", "price", "type", "number")))).status()).isEqualTo(201);
        Path csv = Files.writeString(dir.resolve("items.csv"), "SKU,Name,Price\nA,Chair,10\nB,Table,ten\nC,Lamp,3\n");
        Run rows = run(remote(token, "import", "csv", csv.toString(), "--project", "import-remote", "--collection", "items", "--key", "SKU",
                "--map", "Name=name", "--map", "Price=price"));
        assertThat(rows.code()).as(rows.err()).isEqualTo(2); // done, with the failed row
        assertThat(rows.err()).contains("uploading");
        assertThat(rows.out()).containsPattern("\\s+2\\s+0\\s+0\\s+0\\s+1").contains("line 3: fields.price: 'ten' is not a number");
        Files.writeString(csv, "SKU,Name,Price\nA,Chair,12\nB,Table,20\nC,Lamp,3\n");
        Run again = run(remote(token, "import", "csv", csv.toString(), "--project", "import-remote", "--collection", "items", "--key", "SKU",
                "--map", "Name=name", "--map", "Price=price"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).as("a changed file maps onto the same entries").containsPattern("\\s+1\\s+1\\s+1\\s+0\\s+0");
        assertThat(api.get("/v1/projects/import-remote/collections/items/entries").json().get("data")).hasSize(3);

        Path wxr = dev.vellum.importers.WxrGenerator.write(dir.resolve("site.xml"), "https://remote.example", 30, null);
        Run wp = run(remote(token, "import", "wordpress", wxr.toString(), "--project", "import-remote", "--option", "media=false"));
        assertThat(wp.code()).as(wp.err() + wp.out()).isZero();
        assertThat(api.get("/v1/projects/import-remote/collections/posts/entries?limit=100").json().get("data")).hasSize(30);

        Path site = Files.createDirectories(dir.resolve("site/content/posts"));
        Files.writeString(site.resolve("hello.md"), "---\ntitle: Hello\n---\nFirst *post*.\n");
        Files.writeString(site.resolve("world.md"), "---\ntitle: World\n---\nSecond.\n");
        Run md = run(remote(token, "import", "markdown", dir.resolve("site").toString(), "--project", "import-remote",
                "--option", "collection=notes"));
        assertThat(md.code()).as(md.err() + md.out()).isZero();
        assertThat(api.get("/v1/projects/import-remote/collections/notes/entries").json().get("data")).hasSize(2);
    }

    @Test
    void schemaFilesApplyRemotelyWithAPlanAndRefuseLossUntilResolved() throws Exception {
        server.admin().post("/v1/projects", Map.of("id", "schema-remote"));
        String token = adminSecret("schema-remote");
        Path file = Files.createTempFile("schema", ".yaml");
        Files.writeString(file, """
                collections:
                  - id: posts
                    slug_from: title
                    fields:
                      - {id: title, type: text, required: true}
                      - {id: views, type: number, integer: true}
                """);
        Run create = run(remote(token, "collections", "apply", file.toString(), "--project", "schema-remote"));
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).contains("create posts:", "+ title (text)", "+ views (number)", "applied");
        assertThat(run(remote(token, "collections", "apply", file.toString(), "--project", "schema-remote")).out()).contains("posts: up to date");

        new Api(server.base(), token).post("/v1/projects/schema-remote/collections/posts/entries", Map.of("fields", Map.of("title", "t", "views", 3)));
        Files.writeString(file, """
                collections:
                  - id: posts
                    slug_from: headline
                    fields:
                      - {id: headline, type: text, required: true, renamed_from: title}
                      - {id: rating, type: number}
                """);
        Run dry = run(remote(token, "collections", "apply", file.toString(), "--project", "schema-remote", "--dry-run"));
        assertThat(dry.out()).contains("~ slug_from: title → headline", "> title → headline", "+ rating (number)", "- views").doesNotContain("applied");
        Run refused = run(remote(token, "collections", "apply", file.toString(), "--project", "schema-remote"));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("schema_change_conflict").contains("fields.views");
        Run resolved = run(remote(token, "collections", "apply", file.toString(), "--project", "schema-remote", "--resolve", "views=discard"));
        assertThat(resolved.code()).as(resolved.err()).isZero();
        JsonNode fields = new Api(server.base(), token).get("/v1/projects/schema-remote/collections/posts").json().get("fields");
        assertThat(fields.findValuesAsText("id")).containsExactly("headline", "rating");
    }

    @Test
    void schemaFilesApplyLocallyToo() throws Exception {
        try (Backend.Sqlite local = (Backend.Sqlite) Backend.sqlite()) {
            String dir = "--data-dir=" + local.dir();
            assertThat(run("projects", "create", "here", dir).code()).isZero();
            Path file = Files.createTempFile("schema", ".json");
            Files.writeString(file, "{\"id\": \"notes\", \"fields\": [{\"id\": \"text\", \"type\": \"text\"}]}");
            Run applied = run("collections", "apply", file.toString(), "--project", "here", dir);
            assertThat(applied.code()).as(applied.err()).isZero();
            Files.writeString(file, "{\"id\": \"notes\", \"fields\": [{\"id\": \"text\", \"type\": \"text\", \"max_length\": 10}]}");
            assertThat(run("collections", "apply", file.toString(), "--project", "here", dir).out()).contains("~ text.max_length: (none) → 10");
            assertThat(run("collections", "list", "--project", "here", dir).out()).contains("notes\ttext:text");
        }
    }

    @Test
    void tailPrintsTheChangeLogInOrder() {
        server.admin().post("/v1/projects", Map.of("id", "tail-me"));
        String token = adminSecret("tail-me");
        Api api = new Api(server.base(), token);
        api.post("/v1/projects/tail-me/collections", Map.of("id", "n", "fields", List.of(Map.of("id", "x", "type", "text"))));
        api.post("/v1/projects/tail-me/collections/n/entries", Map.of("fields", Map.of("x", "1")));
        Run tail = run(remote(token, "tail", "--project", "tail-me", "--no-follow"));
        assertThat(tail.code()).as(tail.err()).isZero();
        List<String> lines = tail.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"seq\":1", "collection.created");
        assertThat(lines.get(1)).contains("\"seq\":2", "entry.created");
        assertThat(run(remote(token, "tail", "--project", "tail-me", "--no-follow", "--since", "1")).out().lines().count()).isEqualTo(1);
    }

    @Test
    void entriesRemotely() {
        server.admin().post("/v1/projects", Map.of("id", "entries-remote"));
        String token = adminSecret("entries-remote");
        new Api(server.base(), token).post("/v1/projects/entries-remote/collections", Map.of("id", "notes", "fields",
                List.of(Map.of("id", "text", "type", "text"), Map.of("id", "n", "type", "number"))));
        Run created = run(remote(token, "entries", "create", "--project", "entries-remote", "--collection", "notes",
                "--data", "{\"slug\": \"first\", \"fields\": {\"text\": \"hello\", \"n\": 2}}"));
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("\"slug\":\"first\"", "\"text\":\"hello\"");
        String id = created.out().replaceAll("(?s).*\"id\":\"([0-9A-Z]{26})\".*", "$1").strip();
        run(remote(token, "entries", "create", "--project", "entries-remote", "--collection", "notes", "--data", "{\"fields\": {\"n\": 5}}"));
        assertThat(run(remote(token, "entries", "get", id, "--project", "entries-remote", "--collection", "notes")).out()).contains(id, "hello");
        Run listed = run(remote(token, "entries", "list", "--project", "entries-remote", "--collection", "notes", "--filter", "n > 3"));
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"n\":5"));
        Run bad = run(remote(token, "entries", "create", "--project", "entries-remote", "--collection", "notes", "--data", "{\"fields\": {\"n\": \"x\"}}"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("validation_failed", "fields.n");
    }

    private String adminSecret(String project) {
        var t = server.admin().post("/v1/projects/" + project + "/tokens", Map.of("name", "cli", "scope", "admin"));
        return t.json().get("token").asText();
    }

}
