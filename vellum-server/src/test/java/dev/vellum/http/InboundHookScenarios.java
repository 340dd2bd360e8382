package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.Signing;
import dev.vellum.testing.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inbound hooks: the two worked examples of docs/automation.md (read from docs/examples, so the docs
 * stay true), both signature schemes, rejections with their reasons, replays, and the request log.
 */
abstract class InboundHookScenarios extends ServerScenarios {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY, "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_POLL_MS", "200");
    }

    private record Project(String id, Api admin) {
        String path(String rest) {
            return "/v1/projects/" + id + rest;
        }
    }

    private Project project() {
        String id = "in-" + Long.toHexString(System.nanoTime());
        return new Project(id, server.project(id, "admin"));
    }

    private static String example(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} to the hook's URL path with the given headers, no bearer token. */
    private Api.Response deliver(String hookUrl, String body, Map<String, String> headers) {
        Api hook = server.anonymous();
        for (var h : headers.entrySet()) hook = hook.with(h.getKey(), h.getValue());
        return hook.post(hookUrl.substring(hookUrl.indexOf("/hooks/")), body);
    }

    private JsonNode setUp(Project p, String example) {
        assertThat(p.admin().post(p.path("/collections"), example(example + "/collection.json")).status()).isEqualTo(201);
        Api.Response hook = p.admin().post(p.path("/inbound-hooks"), example(example + "/hook.json"));
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        return hook.json();
    }

    @Test
    void stripeCustomerBecomesACustomerEntryAndUpdatesIt() {
        Project p = project();
        JsonNode hook = setUp(p, "stripe-customers");
        assertThat(hook.get("url").asText()).startsWith(server.base() + "/hooks/ih_").endsWith(hook.get("id").asText());
        assertThat(hook.has("secret")).as("the secret came from Stripe; it is not echoed").isFalse();
        String secret = "whsec_example_from_the_stripe_dashboard_0123456789"; // as in docs/examples/stripe-customers/hook.json
        assertThat(example("stripe-customers/hook.json")).contains(secret);

        String created = example("stripe-customers/customer.created.json");
        Api.Response first = deliver(hook.get("url").asText(), created, Map.of("Stripe-Signature", Signing.header(secret, created)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("result").asText()).isEqualTo("created");
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(first.json().get("event_id").asText()).isEqualTo("evt_1QxYz2AbCdEfGhIj0001");
        String entryId = first.json().get("entry_id").asText();
        String entry = p.path("/collections/customers/entries/" + entryId);
        JsonNode customer = p.admin().get(entry).json();
        assertThat(customer.at("/fields/stripe_id").asText()).isEqualTo("cus_R4nd0mCust0mer");
        assertThat(customer.at("/fields/email").asText()).isEqualTo("ada@example.com");
        assertThat(customer.at("/fields/plan").asText()).isEqualTo("pro");
        assertThat(customer.get("slug").asText()).isEqualTo("ada-lovelace");

        String updated = example("stripe-customers/customer.updated.json");
        Api.Response second = deliver(hook.get("url").asText(), updated, Map.of("Stripe-Signature", Signing.header(secret, updated)));
        assertThat(second.json().get("result").asText()).isEqualTo("updated");
        assertThat(second.json().get("entry_id").asText()).isEqualTo(entryId);
        assertThat(p.admin().get(entry).json().at("/fields/email").asText()).isEqualTo("ada@analytical-engines.example");

        Api.Response replay = deliver(hook.get("url").asText(), created, Map.of("Stripe-Signature", Signing.header(secret, created)));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("duplicate").asBoolean()).isTrue();
        assertThat(replay.json().get("entry_id").asText()).isEqualTo(entryId);
        JsonNode after = p.admin().get(entry).json();
        assertThat(after.at("/fields/email").asText()).as("the replay changed nothing").isEqualTo("ada@analytical-engines.example");
        assertThat(after.get("version").asLong()).isEqualTo(2);

        JsonNode changes = p.admin().get(p.path("/changes?since=0")).json().get("data");
        assertThat(changes.findValuesAsText("kind")).containsExactly("collection.created", "entry.created", "entry.updated");
    }

    @Test
    void podcastFeedItemBecomesAnEpisodeWithVellumSignature() {
        Project p = project();
        JsonNode hook = setUp(p, "podcast-episodes");
        String secret = hook.get("secret").asText();
        assertThat(secret).as("Vellum made a secret and shows it once").startsWith("whsec_");
        assertThat(p.admin().get(p.path("/inbound-hooks/" + hook.get("id").asText())).json().has("secret")).isFalse();

        String item = example("podcast-episodes/item.json");
        Map<String, String> headers = Map.of("Vellum-Signature", Signing.header(secret, item), "Vellum-Delivery-Id", "feed-item-42");
        Api.Response r = deliver(hook.get("url").asText(), item, headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("result").asText()).isEqualTo("created");
        JsonNode episode = p.admin().get(p.path("/collections/episodes/entries/" + r.json().get("entry_id").asText())).json();
        assertThat(episode.get("slug").asText()).isEqualTo("episode-42");
        assertThat(episode.at("/fields/title").asText()).isEqualTo("The Vellum Show #42: Headless, not heartless");
        assertThat(episode.at("/fields/number").asInt()).isEqualTo(42);
        assertThat(episode.at("/fields/audio/url").asText()).isEqualTo("https://cdn.example.com/vellum-show/042.mp3");
        assertThat(episode.at("/fields/duration_seconds").asInt()).isEqualTo(2710);
        assertThat(episode.at("/fields/published").asText()).startsWith("2026-11-20T08:00:00");

        Api.Response again = deliver(hook.get("url").asText(), item, headers);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        Api.Response retitled = deliver(hook.get("url").asText(), item.replace("Headless, not heartless", "Headless, never heartless"),
                Map.of("Vellum-Signature", Signing.header(secret, item.replace("Headless, not heartless", "Headless, never heartless")),
                        "Idempotency-Key", "feed-item-42-edit"));
        assertThat(retitled.json().get("result").asText()).isEqualTo("updated");
        assertThat(retitled.json().get("entry_id").asText()).isEqualTo(r.json().get("entry_id").asText());
    }

    @Test
    void signaturesAreRequiredAndChecked() {
        Project p = project();
        JsonNode hook = setUp(p, "podcast-episodes");
        String url = hook.get("url").asText();
        String item = example("podcast-episodes/item.json");

        Api.Response none = deliver(url, item, Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asText()).isEqualTo("signature_missing");
        Api.Response wrong = deliver(url, item, Map.of("Vellum-Signature", Signing.header("not-the-secret-at-all-0000", item)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("signature_invalid");
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        Api.Response tampered = deliver(url, item.replace("42", "43"), Map.of("Vellum-Signature", Signing.header(hook.get("secret").asText(), item)));
        assertThat(tampered.json().get("code").asText()).isEqualTo("signature_invalid");
        Api.Response garbled = deliver(url, item, Map.of("Vellum-Signature", "sha256=abc"));
        assertThat(garbled.json().get("code").asText()).isEqualTo("signature_malformed");
        long tenMinutesAgo = System.currentTimeMillis() / 1000 - 600;
        Api.Response stale = deliver(url, item, Map.of("Vellum-Signature", Signing.header(hook.get("secret").asText(), tenMinutesAgo, item)));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().get("code").asText()).isEqualTo("signature_expired");

        assertThat(p.admin().get(p.path("/collections/episodes/entries")).json().get("data")).isEmpty();
        JsonNode log = p.admin().get(p.path("/inbound-hooks/" + hook.get("id").asText() + "/log")).json().get("data");
        assertThat(log.findValuesAsText("code")).containsExactly("signature_expired", "signature_malformed", "signature_invalid",
                "signature_invalid", "signature_missing");
        assertThat(log.findValuesAsText("outcome")).containsOnly("rejected");
        assertThat(log.get(0).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void invalidPayloadsAreRefusedWithTheReasonAndLogged() {
        Project p = project();
        JsonNode hook = setUp(p, "podcast-episodes");
        String url = hook.get("url").asText();
        String secret = hook.get("secret").asText();

        String broken = "{\"item\": {\"guid\": ";
        Api.Response malformed = deliver(url, broken, Map.of("Vellum-Signature", Signing.header(secret, broken)));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("malformed_json");

        String badNumber = "{\"feed\": \"Show\", \"item\": {\"guid\": \"g-7\", \"title\": \"T\", \"episode\": 7, \"itunes\": {\"duration\": \"long\"}}}";
        Api.Response invalid = deliver(url, badNumber, Map.of("Vellum-Signature", Signing.header(secret, badNumber)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().at("/errors/0/field").asText()).isEqualTo("fields.duration_seconds");

        String noKey = "{\"feed\": \"Show\", \"item\": {\"guid\": \"g-8\", \"title\": \"T\"}}";
        Api.Response unkeyed = deliver(url, noKey, Map.of("Vellum-Signature", Signing.header(secret, noKey)));
        assertThat(unkeyed.status()).as(unkeyed.toString()).isEqualTo(422);

        Api.Response wrongType = server.anonymous().with("Vellum-Signature", Signing.header(secret, "x=1"))
                .send("POST", url.substring(url.indexOf("/hooks/")), "x=1", "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);

        assertThat(server.anonymous().post("/hooks/ih_does_not_exist", "{}").status()).isEqualTo(404);

        JsonNode log = p.admin().get(p.path("/inbound-hooks/" + hook.get("id").asText() + "/log")).json().get("data");
        assertThat(log.findValuesAsText("status")).containsExactly("415", "422", "422", "400");
        assertThat(log.get(2).get("detail").asText()).contains("duration_seconds");
        assertThat(log.get(3).get("body_excerpt").asText()).isEqualTo(broken);
    }

    @Test
    void formPostsAreMappedToo() {
        Project p = project();
        assertThat(p.admin().post(p.path("/collections"), Map.of("id", "messages", "fields", List.of(
                Map.of("id", "email", "type", "text", "unique", true), Map.of("id", "message", "type", "text")))).status()).isEqualTo(201);
        JsonNode hook = p.admin().post(p.path("/inbound-hooks"), Map.of("collection", "messages", "upsert_key", "email",
                "mapping", Map.of("email", "/email", "message", "/message", "draft", true))).json();
        String form = "email=grace%40example.com&message=Hello+there%21";
        Api.Response r = server.anonymous().with("Vellum-Signature", Signing.header(hook.get("secret").asText(), form))
                .send("POST", "/hooks/" + hook.get("id").asText(), form, "application/x-www-form-urlencoded");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode message = p.admin().get(p.path("/collections/messages/entries/" + r.json().get("entry_id").asText())).json();
        assertThat(message.at("/fields/message").asText()).isEqualTo("Hello there!");
        assertThat(message.get("draft").asBoolean()).as("a constant in the mapping").isTrue();
    }

    @Test
    void aVellumWebhookFeedsAnotherProjectsInboundHook() {
        Project source = project();
        Project target = project();
        assertThat(source.admin().post(source.path("/collections"), Map.of("id", "posts", "fields",
                List.of(Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
        assertThat(target.admin().post(target.path("/collections"), Map.of("id", "mirror", "fields",
                List.of(Map.of("id", "source_id", "type", "text", "unique", true), Map.of("id", "title", "type", "text")))).status())
                .isEqualTo(201);
        JsonNode inbound = target.admin().post(target.path("/inbound-hooks"), Map.of("collection", "mirror", "upsert_key", "source_id",
                "mapping", Map.of("source_id", "/entry_id", "title", "/data/fields/title"))).json();
        assertThat(source.admin().post(source.path("/webhooks"), Map.of("url", inbound.get("url").asText(), "events",
                List.of("entry.created", "entry.updated"), "secret", inbound.get("secret").asText())).status()).isEqualTo(201);

        String id = source.admin().post(source.path("/collections/posts/entries"), Map.of("fields", Map.of("title", "Mirrored"))).json()
                .get("id").asText();
        JsonNode mirrored = Wait.until("the entry to arrive in the other project", Duration.ofSeconds(15), () -> {
            JsonNode data = target.admin().get(target.path("/collections/mirror/entries")).json().get("data");
            return data.isEmpty() ? null : data.get(0);
        });
        assertThat(mirrored.at("/fields/source_id").asText()).isEqualTo(id);
        assertThat(mirrored.at("/fields/title").asText()).isEqualTo("Mirrored");
        // the request log is written once the request is answered, so it may trail the entry by a moment
        JsonNode logged = Wait.until("the request to be logged", Duration.ofSeconds(15), () -> {
            JsonNode log = target.admin().get(target.path("/inbound-hooks/" + inbound.get("id").asText() + "/log")).json().get("data");
            return log.isEmpty() ? null : log.get(0);
        });
        assertThat(logged.get("event_id").asText()).as("the delivery id identifies the event").isNotBlank();
    }

    @Test
    void adminsDefineHooksAndMistakesAreReported() {
        Project p = project();
        assertThat(p.admin().post(p.path("/collections"), example("podcast-episodes/collection.json")).status()).isEqualTo(201);
        Api.Response bad = p.admin().post(p.path("/inbound-hooks"), Map.of("collection", "episodes", "upsert_key", "summary_text",
                "mapping", Map.of("nope", "/x", "title", "plain words", "guid", "{{ /a }}"), "signature", "stripe"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("secret");
        Api.Response bad2 = p.admin().post(p.path("/inbound-hooks"), Map.of("collection", "episodes", "upsert_key", "summary_text",
                "mapping", Map.of("nope", "/x", "title", "plain words", "guid", "{{ /a }}")));
        assertThat(bad2.json().get("errors").findValuesAsText("field")).contains("mapping.nope", "mapping.title", "upsert_key");
        Api.Response noCollection = p.admin().post(p.path("/inbound-hooks"), Map.of("collection", "nope", "upsert_key", "slug",
                "mapping", Map.of("slug", "/s")));
        assertThat(noCollection.json().at("/errors/0/code").asText()).isEqualTo("unknown_collection");

        JsonNode hook = p.admin().post(p.path("/inbound-hooks"), example("podcast-episodes/hook.json")).json();
        String path = p.path("/inbound-hooks/" + hook.get("id").asText());
        assertThat(p.admin().get(p.path("/inbound-hooks")).json().get("data").findValuesAsText("id")).containsExactly(hook.get("id").asText());
        Api.Response patched = p.admin().patch(path, Map.of("description", "renamed", "upsert_key", "guid"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("upsert_key").asText()).isEqualTo("guid");
        assertThat(server.token(p.id(), "write").get(p.path("/inbound-hooks")).status()).isEqualTo(403);
        assertThat(p.admin().delete(path).status()).isEqualTo(204);
        assertThat(server.anonymous().post(hook.get("url").asText().substring(hook.get("url").asText().indexOf("/hooks/")), "{}").status())
                .isEqualTo(404);
    }
}
