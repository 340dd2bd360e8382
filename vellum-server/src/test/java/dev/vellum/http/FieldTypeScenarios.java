package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every field type's valid values (with what they normalise to, after a round trip through the
 * database) and invalid values (with the error code), as a table of cases through the API.
 */
abstract class FieldTypeScenarios extends ServerScenarios {
    private Api api;
    private String entries;
    private String targetId;

    /** A valid value and what the API returns for it; {@code expected} null means "the same JSON". */
    record Valid(String field, String input, String expected) {}

    record Invalid(String field, String input, String code) {}

    @BeforeAll
    void createSchema() {
        String p = "types-" + Long.toHexString(System.nanoTime());
        api = server.project(p, "admin");
        String base = "/v1/projects/" + p + "/collections";
        assertThat(api.post(base, Map.of("id", "targets", "fields", List.of(Map.of("id", "n", "type", "text")))).status()).isEqualTo(201);
        targetId = api.post(base + "/targets/entries", Map.of("fields", Map.of("n", "t"))).json().get("id").asText();
        Api.Response created = api.post(base, """
                {"id": "things", "fields": [
                  {"id": "text", "type": "text", "max_length": 5},
                  {"id": "code", "type": "text", "pattern": "[A-Z]{3}"},
                  {"id": "free", "type": "text"},
                  {"id": "doc", "type": "rich_text"},
                  {"id": "num", "type": "number", "min": -10, "max": 10},
                  {"id": "int", "type": "number", "integer": true},
                  {"id": "flag", "type": "boolean"},
                  {"id": "when", "type": "date"},
                  {"id": "choice", "type": "enum", "options": ["a", "b"]},
                  {"id": "choices", "type": "multi_enum", "options": ["x", "y", "z"]},
                  {"id": "pic", "type": "image"},
                  {"id": "attachment", "type": "file"},
                  {"id": "tint", "type": "color"},
                  {"id": "site", "type": "link"},
                  {"id": "ref", "type": "reference", "collection": "targets"},
                  {"id": "refs", "type": "references", "collection": "targets"},
                  {"id": "tags", "type": "array", "of": {"type": "text", "max_length": 3}, "max_items": 2},
                  {"id": "gallery", "type": "array", "of": {"type": "image"}}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        entries = base + "/things/entries";
    }

    private List<Valid> valid() {
        return List.of(
                new Valid("text", "\"hello\"", null),
                new Valid("text", "\"héllo\"", null),
                new Valid("code", "\"ABC\"", null),
                // what JSON must escape, and what it must not: quotes, backslash, controls, accents, an emoji, a line separator
                new Valid("free", "\"say \\\"hi\\\" \\\\ tab\\t nl\\n \\u0001 \\u001f é ü 中 😀 \\u2028 </script>\"", null),
                new Valid("doc", "{\"type\": \"doc\", \"version\": 1, \"content\": []}", null),
                new Valid("num", "2.5", null),
                new Valid("num", "-10", null),
                new Valid("num", "3.0", "3"),
                new Valid("int", "9007199254740991", null),
                new Valid("int", "4.0", "4"),
                new Valid("flag", "false", null),
                new Valid("when", "\"2024-05-01\"", null),
                new Valid("when", "\"2024-05-01T12:00:00+02:00\"", "\"2024-05-01T10:00:00.000Z\""),
                new Valid("when", "\"2024-05-01T10:00:00.123456Z\"", "\"2024-05-01T10:00:00.123Z\""),
                new Valid("choice", "\"b\"", null),
                new Valid("choices", "[\"z\", \"x\", \"z\"]", "[\"z\", \"x\"]"),
                new Valid("choices", "[]", null),
                new Valid("pic", "\"https://cdn.example.com/a.png\"", "{\"url\": \"https://cdn.example.com/a.png\"}"),
                new Valid("pic", "{\"url\": \"/assets/a.png\", \"alt\": \"A\", \"width\": 10, \"height\": 20}", null),
                new Valid("attachment", "{\"url\": \"https://x.org/f.pdf\", \"name\": \"f.pdf\", \"size\": 12, \"content_type\": \"application/pdf\"}", null),
                new Valid("attachment", "\"https://x.org/f.pdf\"", "{\"url\": \"https://x.org/f.pdf\"}"),
                new Valid("tint", "\"#FFAA00\"", "\"#ffaa00\""),
                new Valid("tint", "\"#fa0\"", "\"#ffaa00\""),
                new Valid("tint", "\"#ffaa0080\"", null),
                new Valid("tint", "\"#ffaa00ff\"", "\"#ffaa00\""),
                new Valid("tint", "\"rgb(255, 170, 0)\"", "\"#ffaa00\""),
                new Valid("tint", "\"rgba(255,170,0,0.5)\"", "\"#ffaa0080\""),
                new Valid("site", "\"https://example.com/path?q=1\"", null),
                new Valid("ref", "\"" + targetId + "\"", null),
                new Valid("refs", "[\"" + targetId + "\"]", null),
                new Valid("tags", "[\"a\", \"bcd\"]", null),
                new Valid("gallery", "[\"https://x.org/1.png\", {\"url\": \"https://x.org/2.png\", \"alt\": \"two\"}]",
                        "[{\"url\": \"https://x.org/1.png\"}, {\"url\": \"https://x.org/2.png\", \"alt\": \"two\"}]"));
    }

    private List<Invalid> invalid() {
        return List.of(
                new Invalid("text", "\"toolong\"", "too_long"),
                new Invalid("text", "12", "type_mismatch"),
                new Invalid("code", "\"abc\"", "pattern_mismatch"),
                new Invalid("doc", "\"plain string\"", "type_mismatch"),
                new Invalid("doc", "{\"type\": \"paragraph\"}", "invalid_rich_text"),
                new Invalid("num", "11", "too_large"),
                new Invalid("num", "-11", "too_small"),
                new Invalid("num", "\"5\"", "type_mismatch"),
                new Invalid("int", "1.5", "not_integer"),
                new Invalid("int", "9007199254740993", "not_integer"),
                new Invalid("flag", "\"true\"", "type_mismatch"),
                new Invalid("flag", "1", "type_mismatch"),
                new Invalid("when", "\"yesterday\"", "invalid_date"),
                new Invalid("when", "\"2024-02-30\"", "invalid_date"),
                new Invalid("when", "\"2024-05-01T10:00:00\"", "invalid_date"),
                new Invalid("choice", "\"c\"", "not_an_option"),
                new Invalid("choices", "[\"x\", \"w\"]", "not_an_option"),
                new Invalid("choices", "\"x\"", "type_mismatch"),
                new Invalid("pic", "\"javascript:alert(1)\"", "invalid_url"),
                new Invalid("pic", "{\"alt\": \"no url\"}", "required"),
                new Invalid("pic", "{\"url\": \"https://x.org/a.png\", \"onload\": \"x\"}", "unknown_key"),
                new Invalid("pic", "{\"url\": \"https://x.org/a.png\", \"width\": -1}", "type_mismatch"),
                new Invalid("attachment", "\"data:text/html,hi\"", "invalid_url"),
                new Invalid("tint", "\"red\"", "invalid_color"),
                new Invalid("tint", "\"rgb(300, 0, 0)\"", "invalid_color"),
                new Invalid("tint", "\"#ggg\"", "invalid_color"),
                new Invalid("site", "\"/relative/path\"", "invalid_url"),
                new Invalid("site", "\"ftp://example.com\"", "invalid_url"),
                new Invalid("ref", "\"01NOSUCHENTRY000000000000\"", "reference_not_found"),
                new Invalid("ref", "\"bad id!\"", "invalid_reference"),
                new Invalid("refs", "[\"" + targetId + "\", \"01NOSUCHENTRY000000000000\"]", "reference_not_found"),
                new Invalid("refs", "\"" + targetId + "\"", "type_mismatch"),
                new Invalid("tags", "[\"a\", \"b\", \"c\"]", "too_many_items"),
                new Invalid("tags", "[\"abcd\"]", "too_long"),
                new Invalid("tags", "[null]", "null_item"),
                new Invalid("gallery", "[\"javascript:x\"]", "invalid_url"));
    }

    @TestFactory
    Stream<DynamicTest> validValuesAreStoredNormalised() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Valid v : valid()) {
            tests.add(DynamicTest.dynamicTest(v.field() + " accepts " + v.input(), () -> {
                String body = "{\"fields\": {\"" + v.field() + "\": " + v.input() + "}}";
                Api.Response created = api.post(entries, body);
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                JsonNode expected = Api.JSON.readTree(v.expected() == null ? v.input() : v.expected());
                assertThat(created.json().at("/fields/" + v.field())).isEqualTo(expected);
                String id = created.json().get("id").asText();
                JsonNode got = api.get(entries + "/" + id).json();
                assertThat(got.at("/fields/" + v.field())).as("after a round trip through the database").isEqualTo(expected);
                Api.Response listed = api.get(entries + "?filter=" + java.net.URLEncoder.encode("id = \"" + id + "\"",
                        java.nio.charset.StandardCharsets.UTF_8));
                assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
                JsonNode inList = listed.json().path("data").path(0);
                assertThat(inList.path("fields")).as("a list renders the entry as a get does").isEqualTo(got.path("fields"));
                for (String meta : List.of("id", "slug", "draft", "version", "created_at", "updated_at")) {
                    assertThat(inList.path(meta)).as(meta).isEqualTo(got.path(meta));
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidValuesAreRefusedWithTheirCode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Invalid v : invalid()) {
            tests.add(DynamicTest.dynamicTest(v.field() + " refuses " + v.input(), () -> {
                Api.Response r = api.post(entries, "{\"fields\": {\"" + v.field() + "\": " + v.input() + "}}");
                assertThat(r.status()).as(r.toString()).isEqualTo(422);
                assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("fields." + v.field());
                assertThat(r.json().at("/errors/0/code").asText()).isEqualTo(v.code());
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nullClearsAnyOptionalField() {
        return valid().stream().map(Valid::field).distinct().map(field -> DynamicTest.dynamicTest(field + " takes null", () -> {
            Api.Response r = api.post(entries, "{\"fields\": {\"" + field + "\": null}}");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().at("/fields/" + field).isNull()).isTrue();
        }));
    }
}
