package dev.vellum.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.ListParams;
import dev.vellum.query.ListQuery;
import dev.vellum.query.ListQueryParser;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.content.EntryListing.Condition;
import dev.vellum.storage.Database;
import dev.vellum.storage.Dialect;
import dev.vellum.testing.LocalScenarios;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans the database picks for listing statements, on a collection large enough for plans to
 * matter (20,000 entries loaded in batches, which refresh the planner's statistics): sorted pages walk
 * the sort index, pages after a cursor seek into it, selective filters use their index (GIN for list
 * fields on PostgreSQL), counts do not walk a range index.
 */
abstract class QueryPlanScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER = "status = \"live\" and views > 100";

    private Database db;
    private CollectionSchema articles;

    @BeforeAll
    void load() {
        db = vellum.services().database();
        vellum.services().projects().create("plans", null);
        articles = vellum.services().collections().create("plans", JSON.valueToTree(Map.of("id", "articles", "fields", List.of(
                Map.of("id", "status", "type", "enum", "options", List.of("draft", "live", "archived")),
                Map.of("id", "views", "type", "number", "integer", true), Map.of("id", "published_at", "type", "date"),
                Map.of("id", "title", "type", "text"), Map.of("id", "tags", "type", "multi_enum", "options", List.of("java", "rare"))))), null);
        Random r = new Random(3);
        for (int b = 0; b < 20; b++) {
            ObjectNode batch = JSON.createObjectNode();
            ArrayNode items = batch.putArray("entries");
            for (int i = 0; i < 1000; i++) {
                ObjectNode f = items.addObject().put("slug", "a-" + b + "-" + i).putObject("fields")
                        .put("status", List.of("draft", "live", "live", "archived").get(r.nextInt(4))).put("views", r.nextInt(1000))
                        .put("published_at", String.format("202%d-0%d-1%dT10:00:00Z", r.nextInt(6), 1 + r.nextInt(9), r.nextInt(10)))
                        .put("title", "Article " + b + "-" + i);
                f.putArray("tags").add(r.nextInt(2000) == 0 ? "rare" : "java");
            }
            vellum.services().entries().batch("plans", "articles", batch, null);
        }
        // no explicit ANALYZE: batch writes refresh the planner's statistics themselves
    }

    @Test
    void aFilteredSortedFirstPageWalksTheSortIndex() {
        String plan = plan(query(FILTER, "-published_at", null), 0);
        assertThat(plan).contains(index("f_published_at")).doesNotContainIgnoringCase("temp b-tree").doesNotContain("Sort ");
    }

    @Test
    void aPageAfterACursorSeeksIntoTheSortIndex() {
        var first = vellum.services().entries().list("plans", "articles",
                new ListParams("50", null, "-published_at", null, null, FILTER), false, RichTextFormat.JSON);
        String cursor = first.get("next_cursor").asText();
        ListQuery q = query(FILTER, "-published_at", cursor);
        List<Condition> selects = EntryListing.selects(db.dialect(), articles, q);
        assertThat(selects).as("value-and-id range, then the NULLs of the descending key").hasSize(2);
        String plan = explainSelect(selects.getFirst());
        assertThat(plan).contains(index("f_published_at")).doesNotContainIgnoringCase("temp b-tree").doesNotContain("Sort ");
        assertThat(plan).containsAnyOf("(f_published_at,id)<(?,?)", "ROW(f_published_at, id) <");
    }

    @Test
    void selectiveConditionsUseTheirIndexes() {
        assertThat(plan(query("slug = \"a-3-7\"", null, null), 0)).contains(index("slug"));
        assertThat(plan(query("views >= 995", "views", null), 0)).contains(index("f_views"));
        if (db.dialect() == Dialect.POSTGRES) {
            Condition count = EntryListing.count(db.dialect(), articles, query("tags ~ \"rare\"", null, null));
            assertThat(explain(db, count.sql(), count.params())).contains("Bitmap Index Scan on " + index("f_tags"));
        }
    }

    @Test
    void countsDoNotWalkARangeIndexRowByRow() {
        Condition count = EntryListing.count(db.dialect(), articles, query(FILTER, null, null));
        assertThat(explain(db, count.sql(), count.params())).doesNotContain(index("f_views"));
    }

    @Test
    void fieldIndexesComeAndGoWithTheirFields() {
        var collections = vellum.services().collections();
        CollectionSchema bits = collections.create("plans", JSON.valueToTree(Map.of("id", "bits", "fields",
                List.of(Map.of("id", "name", "type", "text")))), null);
        collections.update("plans", "bits", JSON.valueToTree(Map.of("fields", List.of(Map.of("id", "name", "type", "text"),
                Map.of("id", "rank", "type", "number"), Map.of("id", "labels", "type", "multi_enum", "options", List.of("x"))))), null);
        String rank = bits.table() + "_f_rank";
        String labels = bits.table() + "_f_labels";
        if (db.dialect() == Dialect.POSTGRES) assertThat(indexes(bits)).contains(rank, labels);
        else assertThat(indexes(bits)).contains(rank).doesNotContain(labels);
        collections.update("plans", "bits", JSON.valueToTree(Map.of("fields", List.of(Map.of("id", "name", "type", "text")))), null);
        assertThat(indexes(bits)).doesNotContain(rank, labels).contains(bits.table() + "_f_name");
    }

    private List<String> indexes(CollectionSchema c) {
        String sql = db.dialect() == Dialect.SQLITE ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                : "SELECT indexname FROM pg_indexes WHERE tablename = ?";
        return db.read(tx -> tx.list(sql, rs -> rs.getString(1), c.table()));
    }

    /** The plan of {@code sql} as text, one line per step. */
    private static String explain(Database db, String sql, List<Object> params) {
        boolean sqlite = db.dialect() == Dialect.SQLITE;
        List<String> lines = db.read(tx -> tx.list((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql,
                rs -> rs.getString(sqlite ? 4 : 1), params));
        return String.join("\n", lines);
    }

    private String index(String column) {
        return articles.table() + "_" + column;
    }

    private ListQuery query(String filter, String sort, String cursor) {
        return ListQueryParser.parse(articles, new ListParams("50", cursor, sort, null, null, filter), true, id -> Optional.empty());
    }

    private String plan(ListQuery q, int segment) {
        return explainSelect(EntryListing.selects(db.dialect(), articles, q).get(segment));
    }

    private String explainSelect(Condition select) {
        List<Object> params = new java.util.ArrayList<>(select.params());
        params.add(51L);
        return explain(db, select.sql(), params);
    }
}
