package dev.vellum.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.FilterEvaluator;
import dev.vellum.content.Entry;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Dialect;
import dev.vellum.content.FilterSql;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the whole filter front end (lexer, parser, type checker) and of what
 * consumes its output (SQL for both dialects, the evaluator): any text either yields a filter that
 * compiles and evaluates, or a clean 400 with a position inside the text. Nothing else may escape.
 * <p>
 * In the normal build a separate surefire execution runs this with JAZZER_FUZZ=1, so it really
 * fuzzes for {@code maxDuration}; run alone without it, it replays the seeds in
 * {@code src/test/resources/dev/vellum/query/FilterParserFuzzTestInputs}.
 */
class FilterParserFuzzTest {
    private static final Set<String> CODES = Set.of("invalid_filter", "filter_too_long", "filter_too_complex");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Entry SAMPLE = new Entry("01J0000000000000000000000A", "hello", false, 2, "2024-05-01T10:00:00.000Z",
            "2024-05-02T10:00:00.000Z", null, (ObjectNode) json("""
            {"title": "Java", "views": 12, "score": -0.5, "featured": true, "published": "2024-05-01", "status": "live",
             "tags": ["a"], "color": "#ff0000", "category": "01J0000000000000000000000B", "related": [], "lost": null,
             "ranks": [1, 2], "cover": {"url": "https://x/y.png"}, "body": null}"""));
    private static final Entry CATEGORY = new Entry("01J0000000000000000000000B", "news", true, 1, "2024-01-01T00:00:00.000Z",
            "2024-01-01T00:00:00.000Z", null, (ObjectNode) json("{\"name\": \"News\", \"rank\": 3}"));

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"and", "or", "not", " in [", "is null", "is not null", "true", "false", "\\\"", "~", "!=", "<=", ">=",
            "title", "views", "score", "featured", "published", "status", "tags", "color", "category.name", "category.rank",
            "related", "ranks", "cover", "body", "created_at", "draft", "version", "\"live\"", "\"2024-05-01\"", "1e308", "-0.5"})
    void anyTextParsesOrIsACleanBadRequest(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Filter f;
        try {
            f = FilterChecker.parse(text, QuerySchemas.POSTS, QuerySchemas.LOOKUP);
        } catch (VellumException.BadRequest e) {
            assertThat(CODES).contains(e.code());
            assertThat(e.errors()).isNotEmpty();
            for (FieldError err : e.errors()) {
                assertThat(err.field()).isEqualTo("filter");
                if (err.position() != null) assertThat(err.position()).isBetween(0, text.length());
            }
            return;
        }
        for (Dialect d : Dialect.values()) {
            var condition = FilterSql.condition(f, d, true, "id");
            assertThat(condition.sql().chars().filter(c -> c == '?').count()).isEqualTo(condition.params().size());
        }
        FilterEvaluator evaluator = new FilterEvaluator((c, id) -> id.equals(CATEGORY.id()) ? Optional.of(CATEGORY) : Optional.empty(), false);
        evaluator.matches(f, SAMPLE); // must not throw
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
