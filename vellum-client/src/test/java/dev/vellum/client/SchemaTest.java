package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Collections and fields read from and written to the API's JSON, options included. */
class SchemaTest {
    private static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final String POSTS = """
            {"id": "posts", "name": "Blog posts", "slug_from": "title", "version": 2, "created_at": "2026-01-01T00:00:00.000Z",
             "updated_at": "2026-01-02T00:00:00.000Z", "fields": [
               {"id": "title", "name": "Title", "type": "text", "required": true, "unique": false, "max_length": 120, "pattern": "[A-Z].*"},
               {"id": "views", "name": "views", "type": "number", "required": false, "unique": false, "integer": true, "min": 0},
               {"id": "status", "name": "status", "type": "enum", "required": false, "unique": false, "options": ["draft", "live"]},
               {"id": "category", "name": "category", "type": "reference", "required": false, "unique": false, "collection": "categories"},
               {"id": "gallery", "name": "gallery", "type": "array", "required": false, "unique": false, "of": {"type": "image"}, "max_items": 9,
                "some_future_option": {"x": 1}}]}""";

    @Test
    void aCollectionReadsWithTypedOptionsAndKeepsTheRest() {
        Collection c = Collection.from(json(POSTS));
        assertThat(c.id()).isEqualTo("posts");
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.spec().slugFrom()).isEqualTo("title");
        FieldSpec title = c.field("title").orElseThrow();
        assertThat(title.required()).isTrue();
        assertThat(title.maxLength()).hasValue(120);
        assertThat(title.pattern()).contains("[A-Z].*");
        assertThat(c.field("views").orElseThrow().integer()).isTrue();
        assertThat(c.field("views").orElseThrow().min()).hasValue(0);
        assertThat(c.field("views").orElseThrow().max()).isEmpty();
        assertThat(c.field("status").orElseThrow().choices()).containsExactly("draft", "live");
        assertThat(c.field("category").orElseThrow().collection()).contains("categories");
        FieldSpec gallery = c.field("gallery").orElseThrow();
        assertThat(gallery.itemType()).contains("image");
        assertThat(gallery.option("some_future_option")).isEqualTo(json("{\"x\": 1}"));
        assertThat(gallery.options().has("type")).as("common members are not options").isFalse();
    }

    @Test
    void aSpecReadBackWritesTheSameSchema() {
        JsonNode original = json(POSTS);
        JsonNode written = Collection.from(original).spec().toJson();
        for (int i = 0; i < original.get("fields").size(); i++) {
            JsonNode field = ((com.fasterxml.jackson.databind.node.ObjectNode) original.get("fields").get(i).deepCopy()).without("unique");
            if (!field.get("required").asBoolean()) ((com.fasterxml.jackson.databind.node.ObjectNode) field).remove("required");
            assertThat(written.get("fields").get(i)).isEqualTo(field);
        }
    }

    @Test
    void fieldsAreBuiltWithOptions() {
        FieldSpec f = FieldSpec.of("title", "text").withName("Title").asRequired().asUnique().withOption("max_length", 120)
                .renamedFrom("headline");
        assertThat(f.toJson()).isEqualTo(json("""
                {"id": "title", "type": "text", "name": "Title", "required": true, "unique": true, "max_length": 120,
                 "renamed_from": "headline"}"""));
        assertThat(FieldSpec.of("status", "enum").withOption("options", List.of("a", "b")).choices()).containsExactly("a", "b");
        assertThat(FieldSpec.of("gallery", "array").withOption("of", Map.of("type", "image")).itemType()).contains("image");
    }

    @Test
    void resolutionsAreWrittenAsTheServerReadsThem() {
        assertThat(SchemaResolution.discard().toJson()).isEqualTo(json("\"discard\""));
        assertThat(SchemaResolution.clear().toJson()).isEqualTo(json("\"clear\""));
        assertThat(SchemaResolution.set(Map.of("url", "/a.png")).toJson()).isEqualTo(json("{\"set\": {\"url\": \"/a.png\"}}"));
    }
}
