package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests may be retried, and how paths are encoded. */
class ApiRequestTest {
    private static final String PATH = "/v1/x";

    @Test
    void readsAndDeletesAreIdempotent() {
        assertThat(ApiRequest.get(PATH).idempotent()).isTrue();
        assertThat(ApiRequest.delete(PATH).idempotent()).isTrue();
    }

    @Test
    void aPatchIsIdempotentOnlyWithIfMatch() {
        var patch = ApiRequest.patch(PATH, Json.object());
        assertThat(patch.idempotent()).isFalse();
        assertThat(patch.withHeader(ApiRequest.IF_MATCH, "\"3\"").idempotent()).isTrue();
    }

    @Test
    void aPostIsIdempotentOnlyWithAnIdempotencyKey() {
        var post = ApiRequest.post(PATH, Json.object());
        assertThat(post.idempotent()).isFalse();
        assertThat(post.withHeader(ApiRequest.IDEMPOTENCY_KEY, "k").idempotent()).isTrue();
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        assertThat(ApiRequest.path("projects", "a b", "x/y+z")).isEqualTo("/v1/projects/a%20b/x%2Fy%2Bz");
    }
}
