package dev.vellum.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.Receiver.Reply;
import dev.vellum.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL while an endpoint holds a delivery open, and started again on the
 * same data: every event still arrives, in order of first arrival, each as one delivery (the same
 * delivery id when it is sent again).
 */
class KillDuringDeliveryTest {
    private static final int EVENTS = 20;

    @Test
    void everyEventArrivesAfterAKillAndARestart() throws Exception {
        Path data = Files.createTempDirectory("vellum-kill-");
        Path log = data.resolve("server.log");
        int port = ServerProcess.freePort();
        Map<String, String> env = Map.of("VELLUM_DATA_DIR", data.resolve("db").toString(), "VELLUM_BOOTSTRAP_TOKEN", Backend.ADMIN_TOKEN,
                "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_WEBHOOK_BACKOFF_BASE_MS", "100", "VELLUM_POLL_MS", "200");
        CountDownLatch killed = new CountDownLatch(1);
        try (Receiver receiver = new Receiver()) {
            receiver.respond("/hook", (r, n) -> {
                if (n == 4) await(killed); // the fifth delivery is in flight when the server dies
                return Reply.ok();
            });
            ServerProcess first = ServerProcess.start(port, env, log);
            try {
                Api admin = new Api(first.base(), Backend.ADMIN_TOKEN);
                assertThat(admin.post("/v1/projects", Map.of("id", "crash")).status()).isEqualTo(201);
                assertThat(admin.post("/v1/projects/crash/collections", Map.of("id", "posts", "fields",
                        List.of(Map.of("id", "title", "type", "text")))).status()).isEqualTo(201);
                assertThat(admin.post("/v1/projects/crash/webhooks", Map.of("url", receiver.url("/hook"), "events",
                        List.of("entry.created"))).status()).isEqualTo(201);
                List<Map<String, Object>> entries = new ArrayList<>();
                for (int i = 0; i < EVENTS; i++) entries.add(Map.of("fields", Map.of("title", "event " + i)));
                assertThat(admin.post("/v1/projects/crash/collections/posts/entries/batch", Map.of("entries", entries)).status()).isEqualTo(200);
                receiver.await("/hook", 5, Duration.ofSeconds(30));
            } finally {
                first.kill();
                killed.countDown();
            }
            int beforeRestart = receiver.requests("/hook").size();
            try (ServerProcess second = ServerProcess.start(port, env, log)) {
                receiver.awaitMatching("/hook", list -> seqs(list).stream().distinct().count() == EVENTS, Duration.ofSeconds(60),
                        "all " + EVENTS + " events");
                List<Receiver.Request> got = receiver.requests("/hook");
                List<Long> firstSeen = seqs(got).stream().distinct().toList();
                long seq0 = firstSeen.getFirst();
                assertThat(firstSeen).containsExactlyElementsOf(LongStream.range(seq0, seq0 + EVENTS).boxed().toList());
                assertThat(got.stream().map(r -> r.header("Vellum-Delivery-Id")).distinct().count())
                        .as("an event sent again after the crash keeps its delivery id").isEqualTo(EVENTS);
                assertThat(got.size()).as("deliveries before the kill: %d", beforeRestart).isGreaterThanOrEqualTo(EVENTS);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static List<Long> seqs(List<Receiver.Request> requests) {
        List<Long> out = new ArrayList<>();
        for (Receiver.Request r : requests) out.add(r.json().get("seq").asLong());
        return out;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
