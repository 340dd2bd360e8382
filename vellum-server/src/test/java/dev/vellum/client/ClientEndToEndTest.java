package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The client scenarios on SQLite, and the client writing through a real server's rate limit. */
class ClientEndToEndTest extends ClientScenarios {
    private static final int WRITERS = 4;
    private static final int CREATES_PER_WRITER = 18;

    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }

    /**
     * A write token with a bucket of 60 (refilling 1/s) and 72 creates from 4 threads sharing one client:
     * the client waits out every 429 as Retry-After asks, and every create lands exactly once.
     */
    @Test
    void createsThroughRateLimitsLandExactlyOnce() throws Exception {
        try (Backend limitedBackend = Backend.sqlite();
             TestServer limited = new TestServer(limitedBackend, Map.of("VELLUM_RATE_LIMIT_WRITE_PER_MINUTE", "60"));
             VellumClient admin = VellumClient.builder().baseUrl(limited.base()).token(Backend.ADMIN_TOKEN).build()) {
            admin.projects().create("limited", null);
            admin.collections("limited").create(POSTS);
            String writeToken = admin.tokens("limited").issue("writer", Scope.WRITE).secret();

            List<RetryEvent> retries = new CopyOnWriteArrayList<>();
            List<Entry> created = new CopyOnWriteArrayList<>();
            try (VellumClient writer = VellumClient.builder().baseUrl(limited.base()).token(writeToken)
                    .maxRetries(60).maxRetryDelay(Duration.ofSeconds(10)).onRetry(retries::add).build()) {
                ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writerNo = w;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < CREATES_PER_WRITER; i++) {
                            created.add(writer.entries("limited", "posts").create(EntryInput.of(Map.of("title", "w" + writerNo + "-" + i))));
                        }
                    }));
                }
                for (Future<?> f : done) f.get();
                threads.shutdown();
            }

            int total = WRITERS * CREATES_PER_WRITER;
            assertThat(created).hasSize(total);
            assertThat(retries).as("the bucket of 60 ran dry").isNotEmpty().allSatisfy(r -> {
                assertThat(r.cause()).isInstanceOf(VellumApiException.RateLimited.class);
                Duration asked = ((VellumApiException.RateLimited) r.cause()).retryAfter().orElseThrow();
                assertThat(r.delay()).isGreaterThanOrEqualTo(asked);
            });
            Set<String> expected = IntStream.range(0, total).mapToObj(n -> "w" + n / CREATES_PER_WRITER + "-" + n % CREATES_PER_WRITER)
                    .collect(Collectors.toSet());
            List<String> stored = admin.entries("limited", "posts").stream(ListOptions.builder().limit(500).build())
                    .map(e -> e.text("title")).toList();
            assertThat(stored).hasSize(total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
