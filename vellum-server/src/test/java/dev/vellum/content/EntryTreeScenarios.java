package dev.vellum.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.query.ListParams;
import dev.vellum.testing.LocalScenarios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON trees of entries that skip JSON text: a page's tree ({@link EntryService#list}) is node for node the tree
 * its bytes ({@link EntryService#listJson}) parse to, and the entries {@link EntryService#findAll} reads by id are
 * rendered as a GET of each renders it, projected and with REST's draft rule.
 */
abstract class EntryTreeScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "trees";

    private EntryService entries;
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void seed() {
        entries = vellum.services().entries();
        vellum.services().projects().create(P, null);
        vellum.services().collections().create(P, JSON.valueToTree(Map.of("id", "things", "fields", List.of(
                Map.of("id", "title", "type", "text"), Map.of("id", "n", "type", "number", "integer", true),
                Map.of("id", "big", "type", "number", "integer", true), Map.of("id", "x", "type", "number"),
                Map.of("id", "on", "type", "boolean"), Map.of("id", "day", "type", "date"),
                Map.of("id", "tags", "type", "multi_enum", "options", List.of("a", "b")),
                Map.of("id", "cover", "type", "image"), Map.of("id", "body", "type", "rich_text"),
                Map.of("id", "notes", "type", "array", "of", Map.of("type", "number")),
                Map.of("id", "other", "type", "reference", "collection", "things")))), null);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> f = new HashMap<>();
            f.put("title", "Thing " + i + " \u00e9\u00e8 \"quoted\"");
            f.put("n", i * 7 - 20);
            f.put("big", 9_000_000_000L + i);
            f.put("x", i % 3 == 0 ? i : i + 0.25);
            f.put("on", i % 2 == 0);
            if (i % 4 != 0) f.put("day", "2026-11-0" + (1 + i % 9));
            f.put("tags", i % 2 == 0 ? List.of("a") : List.of("a", "b"));
            f.put("cover", Map.of("url", "https://img.example.com/" + i + ".png", "width", 640, "height", 480));
            f.put("body", Map.of("markdown", "# Title " + i + "\n\nSome **bold** text, 1.5 and 2."));
            f.put("notes", List.of(1, 2.5, -3, 4e20));
            if (!ids.isEmpty()) f.put("other", ids.getFirst());
            ids.add(entries.create(P, "things", JSON.valueToTree(Map.of("draft", i % 5 == 4, "fields", f)), null, null,
                    RichTextFormat.JSON).id());
        }
    }

    @Test
    void aPagesTreeIsTheTreeItsBytesParseTo() throws Exception {
        for (RichTextFormat format : RichTextFormat.values()) {
            for (String fields : java.util.Arrays.asList(null, "n,x,body", "title")) {
                for (boolean drafts : List.of(true, false)) {
                    ListParams params = new ListParams("5", null, "-n", fields, "true", null);
                    JsonNode parsed = JSON.readTree(entries.listJson(P, "things", params, drafts, format));
                    ObjectNode tree = entries.list(P, "things", params, drafts, format);
                    assertThat(tree).as("%s %s drafts %s", format, fields, drafts).isEqualTo(parsed);
                    assertThat(types(tree)).isEqualTo(types(parsed)); // IntNode stays IntNode, DoubleNode DoubleNode
                }
            }
        }
    }

    @Test
    void findAllRendersEachEntryAsItsGetWithProjectionAndDraftRule() {
        List<ObjectNode> all = entries.findAll(P, "things", ids, null, true);
        assertThat(all).hasSize(ids.size());
        for (ObjectNode e : all) {
            String id = e.get("id").asText();
            assertThat(e).isEqualTo(entries.get(P, "things", id, true, RichTextFormat.JSON).body());
        }
        List<ObjectNode> published = entries.findAll(P, "things", ids, Set.of("title", "other"), false);
        assertThat(published).hasSize(ids.size() - 2).allSatisfy(e -> {
            assertThat(e.get("draft").asBoolean()).isFalse();
            assertThat(e.get("fields").properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("title", "other");
        });
        assertThat(entries.findAll(P, "things", List.of("nope", ids.get(1), ids.get(1)), Set.of(), true))
                .singleElement().satisfies(e -> assertThat(e.get("fields").isEmpty()).isTrue());
    }

    /** The node classes of a tree, path by path. */
    private static Map<String, String> types(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, String> out) {
        out.put(path, node.getClass().getSimpleName());
        if (node.isObject()) node.properties().forEach(e -> collect(e.getValue(), path + "/" + e.getKey(), out));
        if (node.isArray()) for (int i = 0; i < node.size(); i++) collect(node.get(i), path + "/" + i, out);
    }
}
