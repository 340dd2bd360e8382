package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema changes apply to existing entries without losing data; a lossy change is refused until resolved. */
abstract class SchemaChangeScenarios extends ServerScenarios {

    private record Fixture(Api api, String collection, String entries, List<String> ids) {
        Api.Response change(String body) {
            return api.patch(collection, body);
        }

        JsonNode entry(int i) {
            return api.get(entries + "/" + ids.get(i)).json();
        }
    }

    /** A collection "items" with fields name (text), count (number) and kind (enum a|b), and three entries. */
    private Fixture fixture() {
        String p = "schema-" + Long.toHexString(System.nanoTime());
        Api api = server.project(p, "admin");
        String collection = "/v1/projects/" + p + "/collections/items";
        Api.Response c = api.post("/v1/projects/" + p + "/collections", """
                {"id": "items", "fields": [
                  {"id": "name", "type": "text"},
                  {"id": "count", "type": "number", "integer": true},
                  {"id": "kind", "type": "enum", "options": ["a", "b"]}]}""");
        assertThat(c.status()).isEqualTo(201);
        String entries = collection + "/entries";
        List<String> ids = List.of(
                api.post(entries, Map.of("fields", Map.of("name", "42", "count", 1, "kind", "a"))).json().get("id").asText(),
                api.post(entries, Map.of("fields", Map.of("name", "not a number", "count", 2, "kind", "b"))).json().get("id").asText(),
                api.post(entries, Map.of("fields", Map.of("name", "7", "kind", "b"))).json().get("id").asText());
        return new Fixture(api, collection, entries, ids);
    }

    private static final String CURRENT = """
            {"id": "name", "type": "text"}, {"id": "count", "type": "number", "integer": true},
            {"id": "kind", "type": "enum", "options": ["a", "b"]}""";

    @Test
    void addingAnOptionalFieldLeavesEntriesWithNull() {
        Fixture f = fixture();
        Api.Response r = f.change("{\"fields\": [" + CURRENT + ", {\"id\": \"extra\", \"type\": \"boolean\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("version").asLong()).isEqualTo(2);
        assertThat(f.entry(0).at("/fields/extra").isNull()).isTrue();
        assertThat(f.entry(0).at("/fields/name").asText()).isEqualTo("42");
        assertThat(f.api().patch(f.entries() + "/" + f.ids().get(0), Map.of("fields", Map.of("extra", true))).json()
                .at("/fields/extra").asBoolean()).isTrue();
    }

    @Test
    void aNewRequiredFieldNeedsAValueForExistingEntries() {
        Fixture f = fixture();
        String change = "{\"fields\": [" + CURRENT + ", {\"id\": \"rating\", \"type\": \"number\", \"required\": true}]";
        Api.Response refused = f.change(change + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("schema_change_conflict");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("fields.rating");
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("missing_values");
        assertThat(f.api().get(f.collection()).json().get("fields")).hasSize(3);

        Api.Response ok = f.change(change + ", \"resolve\": {\"rating\": {\"set\": 5}}}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        for (int i = 0; i < 3; i++) assertThat(f.entry(i).at("/fields/rating").asLong()).isEqualTo(5);
    }

    @Test
    void renamingKeepsTheValues() {
        Fixture f = fixture();
        Api.Response r = f.change("""
                {"fields": [{"id": "title", "type": "text", "renamed_from": "name"},
                  {"id": "count", "type": "number", "integer": true}, {"id": "kind", "type": "enum", "options": ["a", "b"]}]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(f.entry(1).at("/fields/title").asText()).isEqualTo("not a number");
        assertThat(f.entry(1).at("/fields").has("name")).isFalse();
    }

    @Test
    void removingAFieldWithDataIsRefusedUntilDiscardIsSaid() {
        Fixture f = fixture();
        String change = "{\"fields\": [{\"id\": \"name\", \"type\": \"text\"}, {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"b\"]}]";
        Api.Response refused = f.change(change + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("data_loss");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("2 entries").contains(f.ids().get(0), f.ids().get(1))
                .doesNotContain(f.ids().get(2));
        assertThat(f.entry(0).at("/fields/count").asLong()).as("nothing changed").isEqualTo(1);

        Api.Response ok = f.change(change + ", \"resolve\": {\"count\": \"discard\"}}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(f.entry(0).at("/fields").has("count")).isFalse();
    }

    @Test
    void aLosslessTypeChangeConvertsValues() {
        Fixture f = fixture();
        Api.Response r = f.change("""
                {"fields": [{"id": "name", "type": "text"}, {"id": "count", "type": "text"},
                  {"id": "kind", "type": "multi_enum", "options": ["a", "b"]}]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(f.entry(0).at("/fields/count").asText()).isEqualTo("1");
        assertThat(f.entry(0).at("/fields/kind").toString()).isEqualTo("[\"a\"]");
        assertThat(f.entry(2).at("/fields/count").isNull()).isTrue();
    }

    @Test
    void aTypeChangeThatInvalidatesValuesListsThemAndClearResolvesIt() {
        Fixture f = fixture();
        String change = "{\"fields\": [{\"id\": \"name\", \"type\": \"number\"}, {\"id\": \"count\", \"type\": \"number\", \"integer\": true},"
                + " {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"b\"]}]";
        Api.Response refused = f.change(change + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("invalid_values");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("1 entry").contains(f.ids().get(1));
        assertThat(f.entry(0).at("/fields/name").asText()).isEqualTo("42");

        Api.Response ok = f.change(change + ", \"resolve\": {\"name\": \"clear\"}}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(f.entry(0).at("/fields/name").asLong()).isEqualTo(42);
        assertThat(f.entry(1).at("/fields/name").isNull()).isTrue();
        assertThat(f.entry(2).at("/fields/name").asLong()).isEqualTo(7);
        assertThat(f.api().get(f.entries() + "?sort=name&fields=name").json().get("data").findValuesAsText("id"))
                .as("the converted column sorts as numbers").containsExactly(f.ids().get(1), f.ids().get(2), f.ids().get(0));
    }

    @Test
    void removingAnOptionInUseCanBeResolvedWithSet() {
        Fixture f = fixture();
        String change = "{\"fields\": [{\"id\": \"name\", \"type\": \"text\"}, {\"id\": \"count\", \"type\": \"number\", \"integer\": true},"
                + " {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"c\"]}]";
        Api.Response refused = f.change(change + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/message").asText()).contains(f.ids().get(1), f.ids().get(2));
        Api.Response ok = f.change(change + ", \"resolve\": {\"kind\": {\"set\": \"c\"}}}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(f.entry(0).at("/fields/kind").asText()).isEqualTo("a");
        assertThat(f.entry(1).at("/fields/kind").asText()).isEqualTo("c");
    }

    @Test
    void makingAFieldUniqueWithDuplicatesIsRefused() {
        Fixture f = fixture();
        Api.Response refused = f.change("{\"fields\": [{\"id\": \"name\", \"type\": \"text\"}, {\"id\": \"count\", \"type\": \"number\","
                + " \"integer\": true}, {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"b\"], \"unique\": true}]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("duplicate_values");
        Api.Response ok = f.change("{\"fields\": [{\"id\": \"name\", \"type\": \"text\", \"unique\": true}, {\"id\": \"count\", \"type\": \"number\","
                + " \"integer\": true}, {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"b\"]}]}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        Api.Response dup = f.api().post(f.entries(), Map.of("fields", Map.of("name", "42")));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().at("/errors/0/field").asText()).isEqualTo("fields.name");
    }

    @Test
    void makingAFieldRequiredWithEmptyValuesNeedsSet() {
        Fixture f = fixture();
        String change = "{\"fields\": [{\"id\": \"name\", \"type\": \"text\"}, {\"id\": \"count\", \"type\": \"number\", \"integer\": true,"
                + " \"required\": true}, {\"id\": \"kind\", \"type\": \"enum\", \"options\": [\"a\", \"b\"]}]";
        Api.Response refused = f.change(change + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("missing_values");
        assertThat(refused.json().at("/errors/0/message").asText()).contains(f.ids().get(2));
        assertThat(f.change(change + ", \"resolve\": {\"count\": {\"set\": 0}}}").status()).isEqualTo(200);
        assertThat(f.entry(2).at("/fields/count").asLong()).isEqualTo(0);
        assertThat(f.entry(0).at("/fields/count").asLong()).isEqualTo(1);
    }

    @Test
    void schemaChangesAreLoggedAndInvalidChangesReportFields() {
        Fixture f = fixture();
        f.change("{\"name\": \"Renamed items\"}");
        String project = f.collection().split("/")[3];
        JsonNode log = f.api().get("/v1/projects/" + project + "/changes").json().get("data");
        assertThat(log.findValuesAsText("kind")).contains("collection.created", "collection.updated");
        assertThat(f.api().get(f.collection()).json().get("name").asText()).isEqualTo("Renamed items");
        Api.Response bad = f.change("{\"fields\": [{\"id\": \"x\", \"type\": \"text\", \"renamed_from\": \"ghost\"}]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/errors/0/code").asText()).isEqualTo("unknown_field");
    }
}
