package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.Receiver.Reply;
import dev.vellum.testing.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Outbound webhooks against a real receiver on loopback: signing, filters, retries, ordering, disabling, the log. */
abstract class WebhookScenarios extends ServerScenarios {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SECRET = "a-shared-signing-secret-0123456789";
    private final Receiver receiver = new Receiver();

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY, "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_WEBHOOK_BACKOFF_BASE_MS", "50",
                "VELLUM_WEBHOOK_MAX_AGE_HOURS", "0.001", "VELLUM_POLL_MS", "200");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    /** A project with a "posts" and a "notes" collection. */
    private Project project() {
        String p = "wh-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(p, "admin");
        for (String c : List.of("posts", "notes")) {
            assertThat(admin.post("/v1/projects/" + p + "/collections",
                    Map.of("id", c, "fields", List.of(Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
        }
        return new Project(admin, p);
    }

    private record Project(Api api, String id) {
        String path(String rest) {
            return "/v1/projects/" + id + rest;
        }

        String entries(String collection) {
            return path("/collections/" + collection + "/entries");
        }

        JsonNode webhook(String url, List<String> events, Map<String, Object> extra) {
            var body = new java.util.HashMap<String, Object>(Map.of("url", url, "events", events, "secret", SECRET));
            body.putAll(extra);
            Api.Response r = api.post(path("/webhooks"), body);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json();
        }

        String post(String collection, String title) {
            Api.Response r = api.post(entries(collection), Map.of("fields", Map.of("title", title)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json().get("id").asText();
        }
    }

    // --- managing webhooks ----------------------------------------------------------------------

    @Test
    void webhooksAreCreatedListedChangedAndDeleted() {
        Project p = project();
        Api.Response created = p.api().post(p.path("/webhooks"), Map.of("url", receiver.url("/crud"), "events", List.of("entry.*")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("secret").asText()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.json().get("status").asText()).isEqualTo("active");
        assertThat(created.header("Location")).isEqualTo(p.path("/webhooks/" + id));

        JsonNode one = p.api().get(p.path("/webhooks/" + id)).json();
        assertThat(one.has("secret")).isFalse();
        assertThat(one.get("events").get(0).asText()).isEqualTo("entry.*");
        assertThat(p.api().get(p.path("/webhooks")).json().get("data").findValuesAsText("id")).containsExactly(id);

        Api.Response patched = p.api().patch(p.path("/webhooks/" + id),
                Map.of("events", List.of("site.published", "entry.deleted"), "collections", List.of("posts"), "status", "disabled"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("events").toString()).isEqualTo("[\"site.published\",\"entry.deleted\"]");
        assertThat(patched.json().get("collections").toString()).isEqualTo("[\"posts\"]");
        assertThat(patched.json().get("status").asText()).isEqualTo("disabled");
        assertThat(patched.json().get("status_reason").asText()).isEqualTo("disabled by an admin");

        assertThat(p.api().delete(p.path("/webhooks/" + id)).status()).isEqualTo(204);
        assertThat(p.api().get(p.path("/webhooks/" + id)).json().get("code").asText()).isEqualTo("webhook_not_found");
    }

    @Test
    void invalidWebhooksAreRefusedWithEveryReason() {
        Project p = project();
        Api.Response r = p.api().post(p.path("/webhooks"), Map.of("url", "ftp://example.com/x", "events", List.of("entry.exploded"),
                "secret", "short", "collections", List.of("nope"), "colour", "red"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("url", "events", "secret", "colour");

        Api.Response privateUrl = p.api().post(p.path("/webhooks"), Map.of("url", "http://10.1.2.3/hook", "events", List.of("*")));
        assertThat(privateUrl.status()).isEqualTo(422);
        assertThat(privateUrl.json().at("/errors/0/code").asText()).isEqualTo("url_not_allowed");
        assertThat(privateUrl.json().at("/errors/0/message").asText()).contains("10.1.2.3", "VELLUM_OUTBOUND_ALLOWLIST");

        Api.Response unknownCollection = p.api().post(p.path("/webhooks"),
                Map.of("url", receiver.url("/x"), "events", List.of("*"), "collections", List.of("nope")));
        assertThat(unknownCollection.json().at("/errors/0/code").asText()).isEqualTo("unknown_collection");
    }

    @Test
    void onlyAdminTokensManageWebhooks() {
        Project p = project();
        Api write = server.token(p.id(), "write");
        assertThat(write.get(p.path("/webhooks")).status()).isEqualTo(403);
        assertThat(write.post(p.path("/webhooks"), Map.of("url", receiver.url("/x"), "events", List.of("*"))).status()).isEqualTo(403);
    }

    // --- delivering -----------------------------------------------------------------------------

    @Test
    void deliveriesAreSignedSoTheReceiverCanVerifyThem() throws Exception {
        Project p = project();
        p.webhook(receiver.url("/signed"), List.of("entry.created"), Map.of());
        String entryId = p.post("posts", "Signed");

        Receiver.Request req = receiver.await("/signed", 1, WAIT).getFirst();
        String header = req.header("Vellum-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + req.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).isEqualTo(expected);
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t))).isLessThan(300);

        assertThat(req.header("Vellum-Event")).isEqualTo("entry.created");
        assertThat(req.header("Vellum-Delivery-Id")).isNotBlank();
        assertThat(req.header("Content-Type")).startsWith("application/json");
        JsonNode body = req.json();
        assertThat(body.get("project").asText()).isEqualTo(p.id());
        assertThat(body.get("kind").asText()).isEqualTo("entry.created");
        assertThat(body.get("entry_id").asText()).isEqualTo(entryId);
        assertThat(body.at("/data/fields/title").asText()).isEqualTo("Signed");
        JsonNode logged = p.api().get(p.path("/changes?since=0")).json().get("data");
        long seq = body.get("seq").asLong();
        JsonNode change = null;
        for (JsonNode c : logged) if (c.get("seq").asLong() == seq) change = c;
        assertThat(change).isNotNull();
        assertThat(body.get("data")).isEqualTo(change.get("data"));
    }

    @Test
    void eventsAndCollectionsFilterWhatIsDelivered() {
        Project p = project();
        p.webhook(receiver.url("/filtered"), List.of("entry.*"), Map.of("collections", List.of("posts")));
        p.post("notes", "not for this webhook");
        String id = p.post("posts", "one");
        assertThat(p.api().patch(p.entries("posts") + "/" + id, Map.of("fields", Map.of("title", "two"))).status()).isEqualTo(200);
        assertThat(p.api().delete(p.entries("posts") + "/" + id).status()).isEqualTo(204);
        assertThat(p.api().post(p.path("/collections"), Map.of("id", "extra", "fields", List.of())).status()).isEqualTo(201);

        List<Receiver.Request> got = receiver.await("/filtered", 3, WAIT);
        Receiver.pause(Duration.ofMillis(500));
        got = receiver.requests("/filtered");
        assertThat(got).extracting(r -> r.header("Vellum-Event")).containsExactly("entry.created", "entry.updated", "entry.deleted");
        assertThat(got).allSatisfy(r -> assertThat(r.json().get("collection").asText()).isEqualTo("posts"));
    }

    @Test
    void aFailingEndpointGetsTheEventAgainAfterEachFailureThenNoMore() {
        Project p = project();
        receiver.respond("/flaky", (r, n) -> n < 3 ? Reply.status(500) : Reply.ok());
        String hook = p.webhook(receiver.url("/flaky"), List.of("entry.created"), Map.of()).get("id").asText();
        p.post("posts", "retried");

        List<Receiver.Request> got = receiver.await("/flaky", 4, WAIT);
        Receiver.pause(Duration.ofMillis(700));
        got = receiver.requests("/flaky");
        assertThat(got).hasSize(4);
        assertThat(got).extracting(r -> r.header("Vellum-Delivery-Id")).containsOnly(got.getFirst().header("Vellum-Delivery-Id"));
        assertThat(got).extracting(Receiver.Request::body).containsOnly(got.getFirst().body());

        JsonNode log = Wait.until("the delivery to be logged as delivered", WAIT, () -> {
            JsonNode d = p.api().get(p.path("/webhooks/" + hook + "/deliveries")).json().get("data").get(0);
            return d.get("status").asText().equals("delivered") ? d : null;
        });
        assertThat(log.get("attempts").asInt()).isEqualTo(4);
        assertThat(log.get("response_status").asInt()).isEqualTo(200);
        assertThat(log.get("response_body").asText()).isEqualTo("ok");
        assertThat(log.get("request_body").asText()).isEqualTo(got.getFirst().body());
        assertThat(log.get("duration_ms").isNumber()).isTrue();
    }

    @Test
    void aConnectionLostWithoutAnAnswerIsTriedAgainAtOnceWithinTheSameAttempt() {
        Project p = project();
        receiver.respond("/dropped", (r, n) -> n == 0 ? Reply.drop() : Reply.ok());
        String hook = p.webhook(receiver.url("/dropped"), List.of("entry.created"), Map.of()).get("id").asText();
        p.post("posts", "dropped once");
        List<Receiver.Request> got = receiver.await("/dropped", 2, WAIT);
        assertThat(got.get(1).header("Vellum-Delivery-Id")).isEqualTo(got.get(0).header("Vellum-Delivery-Id"));
        JsonNode d = Wait.until("the delivery to be logged", WAIT, () -> {
            JsonNode x = p.api().get(p.path("/webhooks/" + hook + "/deliveries")).json().get("data").get(0);
            return x.get("status").asText().equals("delivered") ? x : null;
        });
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void retryAfterIsHonoured() {
        Project p = project();
        receiver.respond("/busy", (r, n) -> n == 0 ? new Reply(429, Map.of("Retry-After", "2"), "slow down", 0) : Reply.ok());
        p.webhook(receiver.url("/busy"), List.of("entry.created"), Map.of());
        p.post("posts", "patience");

        List<Receiver.Request> got = receiver.await("/busy", 2, WAIT);
        long gapMs = (got.get(1).nanos() - got.get(0).nanos()) / 1_000_000;
        assertThat(gapMs).as("the retry came %d ms after the 429 with Retry-After: 2", gapMs).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void anEndpointGetsItsEventsInOrderEvenWhileItFails() {
        Project p = project();
        receiver.respond("/ordered", (r, n) -> n < 2 ? Reply.status(503) : Reply.ok());
        p.webhook(receiver.url("/ordered"), List.of("entry.created"), Map.of());
        for (int i = 0; i < 6; i++) p.post("posts", "n" + i);

        receiver.awaitMatching("/ordered", list -> list.stream().map(r -> r.json().get("seq").asLong()).distinct().count() == 6,
                WAIT, "all six events");
        List<Long> firstSeen = receiver.requests("/ordered").stream().map(r -> r.json().get("seq").asLong()).distinct().toList();
        assertThat(firstSeen).isSorted();
    }

    @Test
    void anEndpointFailingPastTheRetryWindowIsDisabledAndCanBeResumed() {
        Project p = project();
        receiver.respond("/down", (r, n) -> Reply.status(500));
        String hook = p.webhook(receiver.url("/down"), List.of("entry.created"), Map.of()).get("id").asText();
        p.post("posts", "lost cause");

        JsonNode disabled = Wait.until("the webhook to be disabled", WAIT, () -> {
            JsonNode w = p.api().get(p.path("/webhooks/" + hook)).json();
            return w.get("status").asText().equals("disabled") ? w : null;
        });
        assertThat(disabled.get("status_reason").asText()).contains("attempts", "endpoint answered 500");
        JsonNode failed = p.api().get(p.path("/webhooks/" + hook + "/deliveries?status=failed")).json().get("data").get(0);
        assertThat(failed.get("attempts").asInt()).isGreaterThan(3);
        int attempts = receiver.requests("/down").size();

        receiver.respond("/down", (r, n) -> Reply.ok());
        p.post("posts", "written while disabled");
        Receiver.pause(Duration.ofMillis(600));
        assertThat(receiver.requests("/down")).hasSize(attempts);

        assertThat(p.api().patch(p.path("/webhooks/" + hook), Map.of("status", "active")).status()).isEqualTo(200);
        receiver.await("/down", attempts + 1, WAIT);
        assertThat(receiver.requests("/down").getLast().json().at("/data/fields/title").asText()).isEqualTo("written while disabled");

        Api.Response resent = p.api().post(p.path("/webhooks/" + hook + "/deliveries/" + failed.get("id").asText() + "/resend"), Map.of());
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.json().get("resent_from").asText()).isEqualTo(failed.get("id").asText());
        Receiver.Request again = receiver.await("/down", attempts + 2, WAIT).getLast();
        assertThat(again.body()).isEqualTo(failed.get("request_body").asText());
        assertThat(again.header("Vellum-Delivery-Id")).isEqualTo(resent.json().get("id").asText());
    }

    @Test
    void goneDisablesTheWebhookAtOnce() {
        Project p = project();
        receiver.respond("/gone", (r, n) -> Reply.status(410));
        String hook = p.webhook(receiver.url("/gone"), List.of("entry.created"), Map.of()).get("id").asText();
        p.post("posts", "to nowhere");
        JsonNode w = Wait.until("the webhook to be disabled", WAIT, () -> {
            JsonNode x = p.api().get(p.path("/webhooks/" + hook)).json();
            return x.get("status").asText().equals("disabled") ? x : null;
        });
        assertThat(w.get("status_reason").asText()).contains("410");
        assertThat(receiver.requests("/gone")).hasSize(1);
    }

    @Test
    void aTestEventIsSentAtOnceAndTheLogPages() {
        Project p = project();
        String hook = p.webhook(receiver.url("/test-event"), List.of("site.published"), Map.of()).get("id").asText();
        Api.Response sent = p.api().post(p.path("/webhooks/" + hook + "/test"), Map.of());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("status").asText()).isEqualTo("delivered");
        assertThat(sent.json().get("event").asText()).isEqualTo("webhook.test");
        Receiver.Request req = receiver.await("/test-event", 1, WAIT).getFirst();
        assertThat(req.header("Vellum-Event")).isEqualTo("webhook.test");
        assertThat(p.api().post(p.path("/webhooks/" + hook + "/test"), Map.of()).status()).isEqualTo(200);

        JsonNode first = p.api().get(p.path("/webhooks/" + hook + "/deliveries?limit=1")).json();
        assertThat(first.get("data")).hasSize(1);
        JsonNode second = p.api().get(p.path("/webhooks/" + hook + "/deliveries?limit=1&cursor=" + first.get("next_cursor").asText())).json();
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.at("/data/0/id").asText()).isEqualTo(sent.json().get("id").asText());
        assertThat(p.api().get(p.path("/webhooks/" + hook + "/deliveries/" + sent.json().get("id").asText())).json().get("status").asText())
                .isEqualTo("delivered");
    }
}
