package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.cli.VellumCli;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic sync (a Directus Flow's call to the hook URL, a schedule) and the CLI against a server
 * (through the Java client): connect, pull, status, conflicts, resolve.
 */
class AutomaticAndCliEndToEndTest extends DirectusScenarios {

    private Project withArticles() {
        Project p = project("auto");
        p.collection("posts", List.of(Map.of("id", "title", "type", "text")));
        directus.createCollection("articles", List.of(field("title", "string"), slug(),
                marker("date_created", "date-created"), marker("date_updated", "date-updated")));
        createItems("articles", List.of(Map.of("slug", "one", "title", "One")));
        return p;
    }

    @Test
    void theHookUrlAndTheScheduleStartRuns() throws Exception {
        Project p = withArticles();
        JsonNode c = p.connect(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN, "remote_collection", "articles"));
        String hook = c.path("hook_url").asText();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hook))
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"items.update\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Wait.until("the hook's pull", Duration.ofSeconds(30), () -> p.entries("posts").size() == 1);
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hook + "x"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);

        String id = c.path("id").asText();
        createItems("articles", List.of(Map.of("slug", "two", "title", "Two")));
        assertThat(p.api().patch(p.path("/connections/" + id), Map.of("schedule_minutes", 60)).status()).isEqualTo(200);
        Wait.until("the scheduled run", Duration.ofSeconds(30), () -> p.entries("posts").size() == 2);
        JsonNode runs = p.api().get(p.path("/connections/" + id + "/runs")).json().path("data");
        assertThat(runs.path(0).path("trigger").asText()).isEqualTo("schedule");
        assertThat(runs.path(1).path("trigger").asText()).isEqualTo("hook");
        p.api().patch(p.path("/connections/" + id), java.util.Collections.singletonMap("schedule_minutes", null));
    }

    private record Run(int code, String out, String err) {}

    private Run cli(Project p, String... args) {
        var cli = VellumCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=" + server.base();
        all[args.length + 1] = "--token=" + adminToken(p);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    private String adminToken(Project p) {
        Api.Response t = server.admin().post("/v1/projects/" + p.id() + "/tokens", Map.of("name", "cli", "scope", "admin"));
        return t.json().path("token").asText();
    }

    @Test
    void theCliConnectsPullsShowsAndResolvesConflicts() throws Exception {
        Project p = withArticles();
        Run connected = cli(p, "sync", "connect", "--project", p.id(), "--collection", "posts", "--directus-url", directus.url(),
                "--directus-token", DirectusServer.TOKEN, "--remote-collection", "articles");
        assertThat(connected.code()).as(connected.err()).isZero();
        assertThat(connected.out()).doesNotContain(DirectusServer.TOKEN);
        String id = Api.JSON.readTree(connected.out()).path("id").asText();
        Run pulled = cli(p, "sync", "pull", "--project", p.id(), id);
        assertThat(pulled.code()).as(pulled.err()).isZero();
        assertThat(Api.JSON.readTree(pulled.out()).path("created").asInt()).isEqualTo(1);

        p.patch("posts", p.entryBySlug("posts", "one").path("id").asText(), Map.of("fields", Map.of("title", "One in Vellum")));
        directus.api().patch("/items/articles/" + items("articles").path(0).path("id").asText(), Map.of("title", "One in Directus"));
        Run pushed = cli(p, "sync", "push", "--project", p.id(), id);
        assertThat(Api.JSON.readTree(pushed.out()).path("conflicts").asInt()).as(pushed.out()).isEqualTo(1);
        Run conflicts = cli(p, "sync", "conflicts", "--project", p.id(), id);
        JsonNode conflict = Api.JSON.readTree(conflicts.out().lines().findFirst().orElseThrow());
        assertThat(conflict.path("fields").toString()).isEqualTo("[\"title\"]");
        Run resolved = cli(p, "sync", "resolve", "--project", p.id(), id, conflict.path("id").asText(), "--use", "vellum");
        assertThat(resolved.code()).as(resolved.err()).isZero();
        assertThat(items("articles").path(0).path("title").asText()).isEqualTo("One in Vellum");
        Run status = cli(p, "sync", "status", "--project", p.id(), id);
        assertThat(Api.JSON.readTree(status.out()).path("runs")).hasSize(2);
    }
}
