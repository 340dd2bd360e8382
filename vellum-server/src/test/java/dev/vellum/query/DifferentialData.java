package dev.vellum.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.Entry;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.http.Services;
import dev.vellum.schema.CollectionSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random project for the differential test: categories, and posts with every scalar type
 * (with nulls), a multi_enum, a references field, an integer array, an image and a reference to a
 * category; then updates (versions, updated_at) and deletes (dangling references).
 */
final class DifferentialData {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECT = "diff";
    static final List<String> STATUS = List.of("draft", "live", "archived");
    static final List<String> TAGS = List.of("a", "b", "c", "d");
    /** Pieces of text that stress LIKE escaping, ASCII-only case folding and code-point order. */
    static final List<String> PIECES = List.of("Java", "java", "JAVA", "über", "ÜBER", "Straße", "é", "É", "100%", "a_b",
            "back\\slash", "say \"hi\"", " ", "x", "X", "K", "\u212A", "\uFF21", "😀", "ǅ", "-", "Zz", "0");

    final Services services;
    final Random random;
    final Map<String, Entry> posts = new LinkedHashMap<>();
    final Map<String, Entry> categories = new LinkedHashMap<>();
    CollectionSchema postSchema;
    CollectionSchema categorySchema;

    DifferentialData(Services services, long seed) {
        this.services = services;
        this.random = new Random(seed);
    }

    DifferentialData build(int postCount, int categoryCount) {
        services.projects().create(PROJECT, "Differential");
        categorySchema = services.collections().create(PROJECT, json("""
                {"id": "categories", "fields": [{"id": "name", "type": "text"}, {"id": "rank", "type": "number", "integer": true}]}"""), null);
        postSchema = services.collections().create(PROJECT, json("""
                {"id": "posts", "fields": [
                  {"id": "title", "type": "text"}, {"id": "views", "type": "number", "integer": true},
                  {"id": "score", "type": "number"}, {"id": "featured", "type": "boolean"}, {"id": "published", "type": "date"},
                  {"id": "status", "type": "enum", "options": ["draft", "live", "archived"]},
                  {"id": "tags", "type": "multi_enum", "options": ["a", "b", "c", "d"]}, {"id": "color", "type": "color"},
                  {"id": "category", "type": "reference", "collection": "categories"},
                  {"id": "related", "type": "references", "collection": "categories"},
                  {"id": "ranks", "type": "array", "of": {"type": "number", "integer": true}}, {"id": "cover", "type": "image"}]}"""), null);
        List<String> categoryIds = create("categories", categoryCount, i -> category(i));
        create("posts", postCount, i -> post(i, categoryIds));
        EntryService entries = services.entries();
        List<String> postIds = ids("posts");
        for (int i = 0; i < postCount / 5; i++) {
            String id = postIds.get(random.nextInt(postIds.size()));
            ObjectNode change = JSON.createObjectNode();
            change.putObject("fields").set("views", random.nextBoolean() ? JSON.nullNode() : JSON.getNodeFactory().numberNode(random.nextInt(50)));
            if (random.nextInt(4) == 0) change.put("draft", random.nextBoolean());
            entries.update(PROJECT, "posts", id, change, null, null, RichTextFormat.JSON);
        }
        for (int i = 0; i < categoryCount / 6; i++) entries.delete(PROJECT, "categories", categoryIds.get(i * 3), null, null);
        for (int i = 0; i < postCount / 30; i++) entries.delete(PROJECT, "posts", postIds.get(i * 7), null, null);
        load("categories", categories);
        load("posts", posts);
        return this;
    }

    private interface Maker {
        ObjectNode make(int i);
    }

    private List<String> create(String collection, int count, Maker maker) {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < count; i++) items.add(maker.make(i));
        ObjectNode body = JSON.createObjectNode().put("mode", "create");
        body.set("entries", items);
        var result = services.entries().batch(PROJECT, collection, body, null);
        List<String> ids = new ArrayList<>();
        for (var item : result.results()) {
            if (item.id() == null) throw new IllegalStateException("could not create a " + collection + " entry: " + item);
            ids.add(item.id());
        }
        return ids;
    }

    private ObjectNode category(int i) {
        ObjectNode e = JSON.createObjectNode().put("slug", "c-" + i).put("draft", random.nextInt(4) == 0);
        ObjectNode f = e.putObject("fields");
        if (random.nextInt(8) > 0) f.put("name", text());
        if (random.nextInt(8) > 0) f.put("rank", random.nextInt(10) - 3);
        return e;
    }

    private ObjectNode post(int i, List<String> categoryIds) {
        ObjectNode e = JSON.createObjectNode().put("slug", "p-" + Integer.toString(i * 7919 % 1000, 36) + "-" + i)
                .put("draft", random.nextInt(5) == 0);
        if (random.nextInt(4) == 0) e.put("publish_at", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00Z");
        ObjectNode f = e.putObject("fields");
        if (sometimes()) f.put("title", text());
        if (sometimes()) f.put("views", random.nextInt(8) == 0 ? 9_007_199_254_740_991L - random.nextInt(3) : random.nextInt(300));
        if (sometimes()) f.put("score", random.nextInt(3) == 0 ? random.nextInt(20) - 10 : Math.round(random.nextGaussian() * 1e4) / 100.0);
        if (sometimes()) f.put("featured", random.nextBoolean());
        if (sometimes()) f.put("published", date());
        if (sometimes()) f.put("status", pick(STATUS));
        if (sometimes()) f.set("tags", subset(TAGS));
        if (sometimes()) f.put("color", pick(List.of("#ff0000", "#00FF00", "#0000ff80", "rgb(1, 2, 3)")));
        if (sometimes()) f.put("category", pick(categoryIds));
        if (sometimes()) f.set("related", subset(categoryIds.subList(0, Math.min(8, categoryIds.size()))));
        if (sometimes()) f.set("ranks", JSON.createArrayNode().add(random.nextInt(5)).add(random.nextInt(5) - 2));
        if (random.nextBoolean()) f.putObject("cover").put("url", "https://img.example/" + i + ".png");
        return e;
    }

    private boolean sometimes() {
        return random.nextInt(6) > 0;
    }

    String text() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) s.append(pick(PIECES));
        return s.toString();
    }

    String date() {
        String day = "2024-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(18));
        return switch (random.nextInt(3)) {
            case 0 -> day;
            case 1 -> day + "T" + (10 + random.nextInt(14)) + ":00:00Z";
            default -> day + "T23:30:00-02:00";
        };
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private ArrayNode subset(List<String> options) {
        ArrayNode a = JSON.createArrayNode();
        for (String o : options) if (random.nextInt(3) == 0) a.add(o);
        return a;
    }

    private List<String> ids(String collection) {
        List<String> ids = new ArrayList<>();
        Map<String, Entry> all = new LinkedHashMap<>();
        load(collection, all);
        ids.addAll(all.keySet());
        return ids;
    }

    /** Every entry of a collection, as the API returns them (drafts included). */
    private void load(String collection, Map<String, Entry> into) {
        String cursor = null;
        do {
            ObjectNode page = services.entries().list(PROJECT, collection, new ListParams("500", cursor, null, null, null, null),
                    true, RichTextFormat.JSON);
            for (JsonNode e : page.get("data")) into.put(e.get("id").asText(), entry(e));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
    }

    static Entry entry(JsonNode e) {
        return new Entry(e.get("id").asText(), e.get("slug").asText(), e.get("draft").asBoolean(), e.get("version").asLong(),
                e.get("created_at").asText(), e.get("updated_at").asText(), e.has("publish_at") ? e.get("publish_at").asText() : null,
                (ObjectNode) e.get("fields"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
