package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rate limits, metrics and request logging, as an operator meets them. */
abstract class OperationsScenarios extends ServerScenarios {

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_RATE_LIMIT_READ_PER_MINUTE", "5", "VELLUM_RATE_LIMIT_ANONYMOUS_PER_MINUTE", "3");
    }

    @Test
    void aTokenOverItsLimitGets429WithRetryAfter() {
        String p = "limits-" + Long.toHexString(System.nanoTime());
        server.project(p, "admin");
        Api read = server.token(p, "read");
        for (int i = 0; i < 5; i++) {
            Api.Response ok = read.get("/v1/projects/" + p + "/collections");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
            assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isBetween(1L, 60L);
        }
        Api.Response limited = read.get("/v1/projects/" + p + "/collections");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        // 5 per minute refill one every 12 s: the next request is possible in at most 12 s
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 12L);

        Api other = server.token(p, "read");
        assertThat(other.get("/v1/projects/" + p + "/collections").status()).as("each token has its own bucket").isEqualTo(200);
        Api admin = server.token(p, "admin");
        Api.Response adminCall = admin.get("/v1/projects/" + p + "/collections");
        assertThat(adminCall.header("RateLimit-Limit")).as("limits are per scope").isEqualTo("1000000");
    }

    @Test
    void failedAuthenticationIsLimitedPerClientIp() {
        Api stranger = server.anonymous().as("vlm_guess");
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = stranger.get("/v1/projects/x/collections").status();
            if (status == 401) unauthorized++;
            if (status == 429) limited++;
        }
        assertThat(unauthorized).isLessThanOrEqualTo(3);
        assertThat(limited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void metricsArePrometheusTextAndMove() {
        String before = server.admin().get("/metrics").raw().body(); // /metrics asks for a token since issue 14
        String p = "metrics-" + Long.toHexString(System.nanoTime());
        Api admin = server.project(p, "admin");
        for (int i = 0; i < 3; i++) admin.get("/v1/projects/" + p + "/collections");
        assertThat(admin.post("/v1/projects/" + p + "/collections", java.util.Map.of("id", "notes", "fields",
                java.util.List.of(java.util.Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            assertThat(admin.post("/v1/projects/" + p + "/collections/notes/entries",
                    java.util.Map.of("fields", java.util.Map.of("title", "note " + i))).status()).isEqualTo(201);
        }
        Api.Response after = server.admin().get("/metrics");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.contentType()).startsWith("text/plain");
        String body = after.raw().body();
        assertThat(body).contains("jvm_memory_used_bytes", "hikaricp_connections", "vellum_webhook_deliveries_pending",
                "vellum_write_groups_total", "vellum_write_group_writes_total");
        String series = "http_server_requests_seconds_count{method=\"GET\",route=\"/v1/projects/{p}/collections\",status=\"200\"}";
        assertThat(count(body, series)).isGreaterThanOrEqualTo(count(before, series) + 3);
        // two entry writes, each in a group commit of the SQLite writer
        assertThat(count(body, "vellum_write_group_writes_total")).isGreaterThanOrEqualTo(count(before, "vellum_write_group_writes_total") + 2);
        assertThat(count(body, "vellum_write_groups_total")).isGreaterThan(count(before, "vellum_write_groups_total"));
    }

    private static double count(String scrape, String series) {
        Matcher m = Pattern.compile(Pattern.quote(series) + " ([0-9.eE+]+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
