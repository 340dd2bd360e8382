package dev.vellum.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.FilterEvaluator;
import dev.vellum.content.Entry;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.testing.LocalScenarios;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: thousands of random filters and sorts run through the real listing (SQL on this
 * backend, keyset paging with cursors), each compared with the in-memory evaluation of the same
 * checked filter and the documented order. The seed is fixed (override: -Dvellum.query.seed=…),
 * so both backends see the same data and the same queries.
 */
abstract class QueryDifferentialScenarios extends LocalScenarios {
    private static final long SEED = Long.getLong("vellum.query.seed", 20261121L);
    private static final int QUERIES = Integer.getInteger("vellum.query.count", 1500);

    private DifferentialData data;

    @BeforeAll
    void seed() {
        data = new DifferentialData(vellum.services(), SEED).build(400, 24);
    }

    @Test
    void everyQueryReturnsWhatTheEvaluatorSaysInTheDocumentedOrder() {
        RandomFilters random = new RandomFilters(data);
        int nonEmpty = 0;
        int pages = 0;
        for (int i = 0; i < QUERIES; i++) {
            String filter = random.filter();
            String sort = random.sort();
            String fields = random.fields();
            boolean seesDrafts = data.random.nextBoolean();
            boolean total = data.random.nextInt(4) == 0;
            List<String> expected = expected(filter, sort, seesDrafts);
            int limit = expected.size() <= 40 && data.random.nextInt(3) == 0 ? 1 + data.random.nextInt(3)
                    : Math.max(1, expected.size() / (1 + data.random.nextInt(6)));
            String what = "query " + i + " (seed " + SEED + "): filter=" + filter + " sort=" + sort + " limit=" + limit
                    + " fields=" + fields + " drafts=" + seesDrafts;
            List<String> actual = new ArrayList<>();
            String cursor = null;
            do {
                ObjectNode page = vellum.services().entries().list(DifferentialData.PROJECT, "posts",
                        new ListParams(Integer.toString(Math.min(limit, ListQuery.MAX_LIMIT)), cursor, sort, fields,
                                Boolean.toString(total), filter), seesDrafts, RichTextFormat.JSON);
                for (JsonNode e : page.get("data")) {
                    actual.add(e.get("id").asText());
                    if (fields != null) assertThat(names(e.get("fields"))).as(what).isEqualTo(Set.of(fields.split(",")));
                }
                if (total) assertThat(page.get("total").asLong()).as("total of " + what).isEqualTo(expected.size());
                else assertThat(page.has("total")).as(what).isFalse();
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                pages++;
                assertThat(pages).as("paging ends").isLessThan(QUERIES * 500);
            } while (cursor != null);
            assertThat(actual).as(what).isEqualTo(expected);
            if (!expected.isEmpty()) nonEmpty++;
        }
        assertThat(nonEmpty).as("most random filters match something").isGreaterThan(QUERIES / 3);
        assertThat(pages).as("queries page through with cursors").isGreaterThan(QUERIES * 2);
        System.out.printf("%s: %d queries, %d pages, %d with results%n", backend.name(), QUERIES, pages, nonEmpty);
    }

    @Test
    void ascendingAndDescendingSortsAreExactReverses() {
        for (String key : List.of("title", "views", "score", "published", "featured", "category", "publish_at")) {
            List<String> up = expected("", key, true);
            List<String> down = new ArrayList<>(expected("", "-" + key, true));
            java.util.Collections.reverse(down);
            assertThat(listAll(key)).as(key).isEqualTo(up);
            assertThat(up).as("-" + key + " is the exact reverse of " + key + ", NULLs last").isEqualTo(down);
        }
    }

    @Test
    void badFiltersAreRejectedWithoutTouchingTheDatabase() {
        for (String bad : List.of("views > \"x\"", "nope = 1", "title ~", "category.nope = 1")) {
            try {
                vellum.services().entries().list(DifferentialData.PROJECT, "posts", new ListParams(null, null, null, null, null, bad),
                        true, RichTextFormat.JSON);
                throw new AssertionError("accepted " + bad);
            } catch (VellumException.BadRequest e) {
                assertThat(e.code()).isEqualTo("invalid_filter");
            }
        }
    }

    private List<String> listAll(String sort) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ObjectNode page = vellum.services().entries().list(DifferentialData.PROJECT, "posts",
                    new ListParams("37", cursor, sort, null, null, null), true, RichTextFormat.JSON);
            page.get("data").forEach(e -> ids.add(e.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return ids;
    }

    private List<String> expected(String filter, String sort, boolean seesDrafts) {
        Filter f = FilterChecker.parse(filter, data.postSchema, id -> id.equals("categories") ? Optional.of(data.categorySchema) : Optional.empty());
        FilterEvaluator evaluator = new FilterEvaluator((c, id) -> Optional.ofNullable(data.categories.get(id)), !seesDrafts);
        return data.posts.values().stream()
                .filter(e -> seesDrafts || !e.draft())
                .filter(e -> evaluator.matches(f, e))
                .sorted(EntryOrder.of(data.postSchema, sort))
                .map(Entry::id)
                .toList();
    }

    private static Set<String> names(JsonNode fields) {
        Set<String> out = new HashSet<>();
        fields.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
