package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries read from the API's JSON, their typed getters, and inputs written back. */
class EntryTest {
    record Image(String url, String alt) {}

    private static final Entry ENTRY = Entry.from(json("""
            {"id": "01J", "slug": "hello", "draft": true, "version": 4, "created_at": "2026-01-01T10:00:00.000Z",
             "updated_at": "2026-01-02T10:00:00.000Z", "publish_at": "2026-02-01T00:00:00.000Z",
             "fields": {"title": "Hello", "views": 3, "score": 2.5, "live": false, "tags": ["a", "b"], "body": null,
                        "cover": {"url": "/assets/x.png", "alt": "X"}}}"""));

    private static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void systemAttributesAreTyped() {
        assertThat(ENTRY.id()).isEqualTo("01J");
        assertThat(ENTRY.draft()).isTrue();
        assertThat(ENTRY.version()).isEqualTo(4);
        assertThat(ENTRY.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ENTRY.publishAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void typedGettersReadFieldsAndNullForEmptyOnes() {
        assertThat(ENTRY.text("title")).isEqualTo("Hello");
        assertThat(ENTRY.integer("views")).isEqualTo(3L);
        assertThat(ENTRY.number("score")).isEqualTo(2.5);
        assertThat(ENTRY.bool("live")).isFalse();
        assertThat(ENTRY.texts("tags")).containsExactly("a", "b");
        assertThat(ENTRY.text("body")).isNull();
        assertThat(ENTRY.text("nosuchfield")).isNull();
        assertThat(ENTRY.texts("body")).isEmpty();
        assertThat(ENTRY.field("cover", Image.class)).isEqualTo(new Image("/assets/x.png", "X"));
        assertThat(ENTRY.field("nosuchfield").isMissingNode()).isTrue();
    }

    @Test
    void aGetterOfTheWrongTypeSaysWhatTheFieldHolds() {
        assertThatThrownBy(() -> ENTRY.text("views")).isInstanceOf(IllegalStateException.class).hasMessageContaining("views holds number");
        assertThatThrownBy(() -> ENTRY.integer("score")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ENTRY.texts("title")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEntryCannotBeChangedThroughItsFields() {
        ENTRY.fields().put("title", "Changed");
        assertThat(ENTRY.text("title")).isEqualTo("Hello");
    }

    @Test
    void anInputSendsOnlyWhatItHasAndNullToClearAField() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Hi");
        fields.put("body", null);
        EntryInput input = EntryInput.of(fields).withSlug("hi").withField("tags", List.of("a"));
        assertThat(input.toJson()).isEqualTo(json("{\"slug\": \"hi\", \"fields\": {\"title\": \"Hi\", \"body\": null, \"tags\": [\"a\"]}}"));
        assertThat(input.withDraft(true).withPublishAt(Instant.parse("2026-03-01T00:00:00Z")).toJson())
                .isEqualTo(json("{\"slug\": \"hi\", \"draft\": true, \"publish_at\": \"2026-03-01T00:00:00Z\","
                        + " \"fields\": {\"title\": \"Hi\", \"body\": null, \"tags\": [\"a\"]}}"));
    }
}
