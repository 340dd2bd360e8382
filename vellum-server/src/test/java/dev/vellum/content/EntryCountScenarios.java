package dev.vellum.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.VellumException;
import dev.vellum.query.ListParams;
import dev.vellum.storage.Dialect;
import dev.vellum.testing.LocalScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code include_total} is exact: after rounds of random concurrent creates, updates and deletes, single and in
 * batches (with readers asking for totals all the while, so cached counts exist), every total equals a COUNT(*)
 * run directly on the table, with and without drafts, filtered and not.
 */
abstract class EntryCountScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "counts";
    private static final List<String> FILTERS = List.of("", "n > 4", "n = 3 or n = 7");

    private EntryService entries;

    @BeforeAll
    void seed() {
        entries = vellum.services().entries();
        vellum.services().projects().create(P, null);
        vellum.services().collections().create(P, JSON.valueToTree(Map.of("id", "things", "fields", List.of(
                Map.of("id", "n", "type", "number", "integer", true, "min", 0)))), null);
    }

    @Test
    void totalsEqualCountStarAfterRandomConcurrentWrites() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 3; round++) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                long seed = round * 100L + w;
                writers.add(pool.submit(() -> { write(new Random(seed), ids); return null; }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) for (String f : FILTERS) total(f, true);
                    return null;
                }));
            }
            for (Future<?> f : writers) f.get(120, TimeUnit.SECONDS);
            writing.set(false);
            for (Future<?> f : readers) f.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            for (String filter : FILTERS) {
                for (boolean drafts : List.of(true, false)) {
                    assertThat(total(filter, drafts)).as("round %d, filter '%s', drafts %s", round, filter, drafts)
                            .isEqualTo(countStar(filter, drafts));
                    assertThat(total(filter, drafts)).as("asked again (from the cache)").isEqualTo(countStar(filter, drafts));
                }
            }
        }
        assertThat(countStar("", true)).as("the writes left entries behind to count").isPositive();
    }

    private void write(Random r, List<String> ids) {
        for (int i = 0; i < 40; i++) {
            int op = r.nextInt(10);
            try {
                if (op == 4) {
                    // a batch of creates (bulk path), now and then with an invalid item that fails alone
                    ObjectNode batch = JSON.createObjectNode();
                    var items = batch.putArray("entries");
                    for (int k = r.nextInt(25) + 1; k > 0; k--) {
                        ObjectNode item = items.addObject().put("draft", r.nextBoolean());
                        item.putObject("fields").put("n", r.nextInt(12) - 1); // -1 is invalid (min 0)
                    }
                    for (BatchResult.Item result : entries.batch(P, "things", batch, null).results()) {
                        if (result.status().equals("created")) ids.add(result.id());
                    }
                } else if (op == 9 && !ids.isEmpty()) {
                    // a batch of upserts by id (entries another writer deleted meanwhile fail alone)
                    ObjectNode batch = JSON.createObjectNode().put("mode", "upsert").put("match", "id");
                    var items = batch.putArray("entries");
                    for (int k = r.nextInt(5) + 1; k > 0; k--) {
                        ObjectNode item = items.addObject().put("id", ids.get(r.nextInt(ids.size()))).put("draft", r.nextBoolean());
                        item.putObject("fields").put("n", r.nextInt(10));
                    }
                    entries.batch(P, "things", batch, null);
                } else if (op < 5 || ids.isEmpty()) {
                    ObjectNode body = JSON.createObjectNode().put("draft", r.nextBoolean());
                    body.putObject("fields").put("n", r.nextInt(10));
                    ids.add(entries.create(P, "things", body, null, null, RichTextFormat.JSON).id());
                } else if (op < 8) {
                    ObjectNode body = JSON.createObjectNode().put("draft", r.nextBoolean());
                    body.putObject("fields").put("n", r.nextInt(10));
                    entries.update(P, "things", ids.get(r.nextInt(ids.size())), body, null, null, RichTextFormat.JSON);
                } else {
                    String id = ids.remove(r.nextInt(ids.size()));
                    entries.delete(P, "things", id, null, null);
                }
            } catch (VellumException.NotFound | VellumException.PreconditionFailed | IndexOutOfBoundsException raced) {
                // another writer deleted or changed it first
            }
        }
    }

    private long total(String filter, boolean drafts) {
        return entries.list(P, "things", new ListParams("1", null, null, null, "true", filter.isEmpty() ? null : filter), drafts,
                RichTextFormat.JSON).get("total").asLong();
    }

    private long countStar(String filter, boolean drafts) {
        String table = vellum.services().collections().get(P, "things").table();
        boolean sqlite = vellum.services().database().dialect() == Dialect.SQLITE;
        List<String> where = new ArrayList<>();
        if (!drafts) where.add(sqlite ? "draft = 0" : "draft = false");
        if (!filter.isEmpty()) where.add("(" + filter.replace("n ", "f_n ") + ")");
        String sql = "SELECT COUNT(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        return vellum.services().database().read(tx -> tx.count(sql));
    }
}
