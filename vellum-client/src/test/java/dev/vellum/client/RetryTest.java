package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.client.FakeServer.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Retries against a scripted server: which requests are retried, how long the client waits, when it gives up. */
class RetryTest {
    private static final Duration SHORT = Duration.ofMillis(10);

    private FakeServer server;
    private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VellumClient client(int maxRetries) {
        return client(server.base(), maxRetries);
    }

    private VellumClient client(String base, int maxRetries) {
        return VellumClient.builder().baseUrl(base).token("t").retryPolicy(RetryPolicy.DEFAULT.withInitialDelay(SHORT))
                .maxRetries(maxRetries).onRetry(retries::add).build();
    }

    @Test
    void retriesThrough429AfterTheSecondsRetryAfterAsks() {
        server.reply(Reply.problem(429, "rate_limited", Map.of("Retry-After", "1")), Reply.entry(200, 1));
        try (VellumClient c = client(3)) {
            assertThat(c.entries("acme", "posts").get("e1").text("title")).isEqualTo("Hello");
        }
        List<FakeServer.Received> seen = server.requests();
        assertThat(seen).hasSize(2);
        assertThat(Duration.ofNanos(seen.get(1).nanos() - seen.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(retries).singleElement().satisfies(e -> {
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(e.cause()).isInstanceOf(VellumApiException.RateLimited.class);
        });
    }

    @Test
    void retriesThrough429NoSoonerThanTheHttpDateRetryAfterNames() {
        Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC));
        server.reply(Reply.problem(429, "rate_limited", Map.of("Retry-After", date)), Reply.entry(200, 1));
        try (VellumClient c = client(3)) {
            c.entries("acme", "posts").get("e1");
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).at()).isAfterOrEqualTo(until);
    }

    @Test
    void retriesOn503ThenSucceeds() {
        server.reply(Reply.problem(503, "query_timeout"), Reply.problem(503, "query_timeout"), Reply.entry(200, 1));
        try (VellumClient c = client(3)) {
            assertThat(c.entries("acme", "posts").get("e1").id()).isEqualTo("e1");
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(retries).extracting(RetryEvent::attempt).containsExactly(1, 2);
    }

    static Stream<Arguments> notIdempotent() {
        return Stream.of(
                Arguments.of("PATCH without If-Match", (Consumer<VellumClient>) c ->
                        c.entries("acme", "posts").patch("e1", EntryInput.of(Map.of("views", 4)))),
                Arguments.of("issuing a token", (Consumer<VellumClient>) c -> c.tokens("acme").issue("site", Scope.READ)),
                Arguments.of("rotating a token", (Consumer<VellumClient>) c -> c.tokens("acme").rotate("tok")),
                Arguments.of("a batch", (Consumer<VellumClient>) c ->
                        c.entries("acme", "posts").batch(BatchRequest.create(List.of(EntryInput.of(Map.of("title", "A")))))),
                Arguments.of("creating a collection", (Consumer<VellumClient>) c -> c.collections("acme").create(CollectionSpec.of("posts"))),
                Arguments.of("creating a project", (Consumer<VellumClient>) c -> c.projects().create("acme", "Acme")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notIdempotent")
    void doesNotRetryARequestThatIsNotIdempotent(String what, Consumer<VellumClient> call) {
        server.handle(r -> Reply.problem(503, "query_timeout"));
        try (VellumClient c = client(5)) {
            assertThatThrownBy(() -> call.accept(c)).isInstanceOf(VellumApiException.ServerError.class);
        }
        assertThat(server.requests()).hasSize(1);
        assertThat(retries).isEmpty();
    }

    static Stream<Arguments> idempotent() {
        return Stream.of(
                Arguments.of("PATCH with If-Match", (Consumer<VellumClient>) c ->
                        c.entries("acme", "posts").patch("e1", EntryInput.of(Map.of("views", 4)), 1)),
                Arguments.of("DELETE", (Consumer<VellumClient>) c -> c.entries("acme", "posts").delete("e1")),
                Arguments.of("GET", (Consumer<VellumClient>) c -> c.collections("acme").list()),
                Arguments.of("creating an entry", (Consumer<VellumClient>) c -> c.entries("acme", "posts").create(EntryInput.of(Map.of()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idempotent")
    void retriesAnIdempotentRequest(String what, Consumer<VellumClient> call) {
        server.reply(Reply.problem(502, "bad_gateway")).handle(r -> Reply.json(200, "{\"data\": []}"));
        try (VellumClient c = client(3)) {
            try {
                call.accept(c);
            } catch (VellumClientException e) {
                throw new AssertionError("the retry should have succeeded", e);
            }
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheTypedException() {
        server.handle(r -> Reply.problem(503, "query_timeout"));
        try (VellumClient c = client(2)) {
            assertThatThrownBy(() -> c.entries("acme", "posts").get("e1"))
                    .isInstanceOfSatisfying(VellumApiException.ServerError.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.code()).isEqualTo("query_timeout");
                        assertThat(e.requestId()).isEqualTo("req-1");
                    });
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(retries).hasSize(2);
    }

    @Test
    void givesUpOnA429AfterMaxAttemptsWithTheRetryAfter() {
        server.handle(r -> Reply.problem(429, "rate_limited", Map.of("Retry-After", "0")));
        try (VellumClient c = client(1)) {
            assertThatThrownBy(() -> c.entries("acme", "posts").get("e1"))
                    .isInstanceOfSatisfying(VellumApiException.RateLimited.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ZERO));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterAsksLongerThanTheMaxDelay() {
        server.handle(r -> Reply.problem(429, "rate_limited", Map.of("Retry-After", "120")));
        try (VellumClient c = VellumClient.builder().baseUrl(server.base()).token("t").maxRetries(5)
                .maxRetryDelay(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> c.entries("acme", "posts").get("e1"))
                    .isInstanceOfSatisfying(VellumApiException.RateLimited.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRetriedCreateSendsTheSameIdempotencyKeyAndBody() {
        server.reply(Reply.problem(503, "query_timeout"), Reply.entry(201, 1), Reply.entry(201, 1));
        try (VellumClient c = client(3)) {
            c.entries("acme", "posts").create(EntryInput.of(Map.of("title", "Hello")));
            c.entries("acme", "posts").create(EntryInput.of(Map.of("title", "Hello")));
        }
        List<FakeServer.Received> seen = server.requests();
        assertThat(seen).hasSize(3);
        String key = seen.get(0).header("Idempotency-Key");
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(seen.get(1).header("Idempotency-Key")).isEqualTo(key);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        assertThat(seen.get(2).header("Idempotency-Key")).as("each create has its own key").isNotEqualTo(key);
    }

    @Test
    void aCreateSendsTheIdempotencyKeyItIsGiven() {
        server.reply(Reply.entry(201, 1));
        try (VellumClient c = client(3)) {
            c.entries("acme", "posts").create(EntryInput.of(Map.of("title", "Hello")), "order-4711");
        }
        assertThat(server.requests().getFirst().header("Idempotency-Key")).isEqualTo("order-4711");
    }

    @Test
    void retriesConnectionFailuresOfIdempotentRequestsOnly() throws Exception {
        String closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + s.getLocalPort();
        }
        try (VellumClient c = client(closed, 2)) {
            assertThatThrownBy(() -> c.entries("acme", "posts").get("e1")).isInstanceOf(VellumTransportException.class);
            assertThat(retries).hasSize(2).allSatisfy(e -> assertThat(e.cause()).isInstanceOf(VellumTransportException.class));
            retries.clear();
            assertThatThrownBy(() -> c.tokens("acme").issue("site", Scope.READ)).isInstanceOf(VellumTransportException.class);
            assertThat(retries).isEmpty();
        }
    }
}
