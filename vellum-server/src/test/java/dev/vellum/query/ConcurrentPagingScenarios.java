package dev.vellum.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.testing.LocalScenarios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging while another thread inserts, moves and deletes other entries: every entry that
 * exists throughout, keeps its sort values and keeps matching the filter is returned exactly once.
 */
abstract class ConcurrentPagingScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "paging";

    private EntryService entries;
    /** Stable entries: id → rank (null allowed). Their name changes, never their rank. */
    private final Map<String, Long> stable = new HashMap<>();

    @BeforeAll
    void seed() {
        entries = vellum.services().entries();
        vellum.services().projects().create(P, null);
        vellum.services().collections().create(P, JSON.valueToTree(Map.of("id", "items", "fields", List.of(
                Map.of("id", "name", "type", "text"), Map.of("id", "rank", "type", "number", "integer", true)))), null);
        Random r = new Random(7);
        ObjectNode batch = JSON.createObjectNode();
        List<Long> ranks = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Long rank = r.nextInt(6) == 0 ? null : (long) r.nextInt(15);
            ObjectNode f = batch.withArray("entries").addObject().put("slug", "s-" + i).putObject("fields").put("name", "stable " + i);
            if (rank != null) f.put("rank", rank);
            ranks.add(rank);
        }
        var created = entries.batch(P, "items", batch, null).results();
        for (int i = 0; i < created.size(); i++) stable.put(created.get(i).id(), ranks.get(i));
        assertThat(stable).hasSize(250);
    }

    @Test
    void stableEntriesAreSeenExactlyOnceWhileOthersChange() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        List<Throwable> writerErrors = new ArrayList<>();
        Thread writer = new Thread(() -> churn(stop, writes), "churn");
        writer.setUncaughtExceptionHandler((t, e) -> writerErrors.add(e));
        writer.start();
        try {
            // every round pages through every sort and filter; rounds go on until the writer has really churned
            // (a fast machine can finish one round before the writer's first commits), at most 20 rounds
            for (int round = 0; round < 20 && (round == 0 || writes.get() <= 50); round++) {
                for (String sort : List.of("rank", "-rank", "-rank,slug", "slug", "-created_at", "-id")) {
                    for (String filter : List.of("", "rank >= 3 or rank is null", "not name ~ \"zz\" and (rank < 12 or rank is null)")) {
                        pageAndCheck(sort, filter);
                    }
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(writerErrors).isEmpty();
        assertThat(writes.get()).as("the other thread really wrote while we paged").isGreaterThan(50);
    }

    private void pageAndCheck(String sort, String filter) {
        Map<String, Integer> seen = new HashMap<>();
        String cursor = null;
        do {
            ObjectNode page = entries.list(P, "items", new ListParams("7", cursor, sort, null, null, filter), true, RichTextFormat.JSON);
            for (JsonNode e : page.get("data")) seen.merge(e.get("id").asText(), 1, Integer::sum);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        for (var s : stable.entrySet()) {
            Long rank = s.getValue();
            boolean matches = switch (filter) {
                case "" -> true;
                case "rank >= 3 or rank is null" -> rank == null || rank >= 3;
                default -> rank == null || rank < 12;
            };
            assertThat(seen.getOrDefault(s.getKey(), 0)).as("stable entry %s (rank %s) with sort=%s filter=%s", s.getKey(), rank, sort, filter)
                    .isEqualTo(matches ? 1 : 0);
        }
    }

    /** Inserts, re-ranks and deletes churn entries, and renames stable ones (neither sort nor filter sees names without "zz"). */
    private void churn(AtomicBoolean stop, AtomicInteger writes) {
        Random r = new Random(11);
        List<String> churn = new ArrayList<>();
        List<String> stableIds = new ArrayList<>(stable.keySet());
        while (!stop.get()) {
            int what = r.nextInt(4);
            if (what == 0 || churn.size() < 5) {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("fields").put("name", "churn zz").put("rank", r.nextInt(15));
                churn.add(entries.create(P, "items", body, null, null, RichTextFormat.JSON).id());
            } else if (what == 1) {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("fields").put("rank", r.nextInt(15));
                entries.update(P, "items", churn.get(r.nextInt(churn.size())), body, null, null, RichTextFormat.JSON);
            } else if (what == 2) {
                entries.delete(P, "items", churn.remove(r.nextInt(churn.size())), null, null);
            } else {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("fields").put("name", "renamed " + r.nextInt(1000));
                entries.update(P, "items", stableIds.get(r.nextInt(stableIds.size())), body, null, null, RichTextFormat.JSON);
            }
            writes.incrementAndGet();
        }
    }
}
