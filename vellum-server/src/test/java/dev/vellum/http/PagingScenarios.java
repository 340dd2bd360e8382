package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paging guarantee: walking a collection page by page while other clients insert and delete
 * never skips or repeats an entry that existed throughout, whatever the sort.
 */
abstract class PagingScenarios extends ServerScenarios {

    @ParameterizedTest
    @ValueSource(strings = {"", "-created_at", "rank", "-rank,title", "title,-rank", "-slug"})
    void pagingUnderConcurrentWritesNeitherSkipsNorRepeats(String sort) throws Exception {
        String p = "paging-" + Long.toHexString(System.nanoTime());
        Api api = server.project(p, "admin");
        api.post("/v1/projects/" + p + "/collections", Map.of("id", "items", "fields",
                List.of(Map.of("id", "title", "type", "text"), Map.of("id", "rank", "type", "number", "integer", true))));
        String entries = "/v1/projects/" + p + "/collections/items/entries";
        List<Map<String, Object>> seed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // many equal ranks and some nulls, so ties and NULL ordering are exercised
            Map<String, Object> fields = new java.util.HashMap<>();
            fields.put("title", "t" + (i % 37));
            if (i % 11 != 0) fields.put("rank", i % 7);
            seed.add(Map.of("fields", fields));
        }
        JsonNode created = api.post(entries + "/batch", Map.of("entries", seed)).json().get("results");
        Set<String> stable = new HashSet<>(created.findValuesAsText("id"));
        assertThat(stable).hasSize(300);

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<String> churn = java.util.Collections.synchronizedList(new ArrayList<>());
        Future<?> inserter = writers.submit(() -> {
            int n = 0;
            while (!stop.get()) {
                Map<String, Object> fields = new java.util.HashMap<>(Map.of("title", "new" + (n % 37)));
                if (n % 5 != 0) fields.put("rank", n % 7);
                Api.Response r = api.post(entries, Map.of("fields", fields));
                if (r.status() == 201) churn.add(r.json().get("id").asText());
                n++;
            }
        });
        Future<?> deleter = writers.submit(() -> {
            while (!stop.get()) {
                if (churn.size() > 1) api.delete(entries + "/" + churn.remove(0));
            }
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = entries + "?limit=7" + (sort.isEmpty() ? "" : "&sort=" + sort) + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Response page = api.get(url);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(e -> seen.add(e.get("id").asText()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 1000);
        stop.set(true);
        inserter.get();
        deleter.get();
        writers.shutdown();

        assertThat(seen).as("no entry appears twice").doesNotHaveDuplicates();
        assertThat(seen).as("every entry that existed throughout appears").containsAll(stable);
        assertThat(churn).as("the writers really wrote while we paged").isNotEmpty();
    }
}
