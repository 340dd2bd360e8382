package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.client.FakeServer.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error status becomes its exception type, carrying what the problem+json said. */
class ProblemMappingTest {
    private FakeServer server;
    private VellumClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        client = VellumClient.builder().baseUrl(server.base()).token("t").maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, "invalid_cursor", VellumApiException.BadRequest.class),
                Arguments.of(401, "invalid_token", VellumApiException.Unauthorized.class),
                Arguments.of(403, "insufficient_scope", VellumApiException.Forbidden.class),
                Arguments.of(404, "entry_not_found", VellumApiException.NotFound.class),
                Arguments.of(405, "method_not_allowed", VellumApiException.ClientError.class),
                Arguments.of(409, "slug_taken", VellumApiException.Conflict.class),
                Arguments.of(412, "version_mismatch", VellumApiException.PreconditionFailed.class),
                Arguments.of(413, "payload_too_large", VellumApiException.PayloadTooLarge.class),
                Arguments.of(415, "unsupported_media_type", VellumApiException.UnsupportedMediaType.class),
                Arguments.of(422, "validation_failed", VellumApiException.ValidationFailed.class),
                Arguments.of(429, "rate_limited", VellumApiException.RateLimited.class),
                Arguments.of(500, "internal_error", VellumApiException.ServerError.class),
                Arguments.of(503, "query_timeout", VellumApiException.ServerError.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statuses")
    void mapsEachStatusToItsExceptionWithTheProblemsMembers(int status, String code, Class<? extends VellumApiException> type) {
        server.reply(new Reply(status, Map.of("Content-Type", "application/problem+json", "Retry-After", "7"), """
                {"type": "urn:vellum:problem:%s", "title": "T", "status": %d, "detail": "what went wrong", "code": "%s",
                 "instance": "/v1/x", "request_id": "01JREQ",
                 "errors": [{"field": "fields.title", "code": "required", "message": "is required"},
                            {"field": "fields.views", "code": "too_small", "message": "must be ≥ 0"}]}""".formatted(code, status, code)));
        assertThatThrownBy(() -> client.entries("acme", "posts").get("e1")).isInstanceOfSatisfying(type, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).isEqualTo("what went wrong");
            assertThat(e.requestId()).isEqualTo("01JREQ");
            assertThat(e.errors()).containsExactly(new FieldError("fields.title", "required", "is required"),
                    new FieldError("fields.views", "too_small", "must be ≥ 0"));
            assertThat(e.getMessage()).contains(Integer.toString(status), code, "fields.title", "01JREQ");
            if (e instanceof VellumApiException.RateLimited r) assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
        });
    }

    @Test
    void anAnswerThatIsNotProblemJsonStillMapsByStatus() {
        server.reply(new Reply(502, Map.of("Content-Type", "text/html", "X-Request-Id", "proxy-9"), "<html>Bad Gateway</html>"));
        assertThatThrownBy(() -> client.entries("acme", "posts").get("e1"))
                .isInstanceOfSatisfying(VellumApiException.ServerError.class, e -> {
                    assertThat(e.code()).isEqualTo("http_502");
                    assertThat(e.detail()).isEqualTo("<html>Bad Gateway</html>");
                    assertThat(e.requestId()).isEqualTo("proxy-9");
                    assertThat(e.errors()).isEmpty();
                });
    }

    @Test
    void aFailedAtomicBatchReturnsItsPerItemResultsInsteadOfThrowing() {
        server.reply(new Reply(422, Map.of("Content-Type", "application/problem+json"), """
                {"status": 422, "code": "batch_failed", "detail": "Some entries are not valid", "request_id": "r",
                 "results": [{"status": "rolled_back", "slug": "a"},
                             {"status": "error", "code": "validation_failed",
                              "errors": [{"field": "entries[1].fields.title", "code": "required", "message": "is required"}]}]}"""));
        BatchResult result = client.entries("acme", "posts").batch(BatchRequest.create(java.util.List.of(
                EntryInput.of(Map.of("title", "A")).withSlug("a"), EntryInput.of(Map.of()))).asAtomic());
        assertThat(result.rolledBack()).isTrue();
        assertThat(result.results()).extracting(BatchResult.Item::status).containsExactly("rolled_back", "error");
        assertThat(result.results().get(1).errors()).extracting(FieldError::field).containsExactly("entries[1].fields.title");
        assertThat(server.requests().getFirst().body()).contains("\"atomic\":true");
    }

    @Test
    void otherValidationFailuresOfABatchStillThrow() {
        server.reply(Reply.problem(422, "invalid_batch"));
        assertThatThrownBy(() -> client.entries("acme", "posts").batch(BatchRequest.create(java.util.List.of())))
                .isInstanceOfSatisfying(VellumApiException.ValidationFailed.class, e -> assertThat(e.code()).isEqualTo("invalid_batch"));
    }
}
