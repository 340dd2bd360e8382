package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connections against a real Directus: checking URL and token, create new, what Directus has, reconfigure. */
class ConnectionEndToEndTest extends DirectusScenarios {

    private Project postsProject() {
        Project p = project("conn");
        p.collection("posts", List.of(
                Map.of("id", "title", "type", "text", "required", true),
                Map.of("id", "body", "type", "rich_text"),
                Map.of("id", "views", "type", "number", "integer", true),
                Map.of("id", "featured", "type", "boolean"),
                Map.of("id", "published", "type", "date"),
                Map.of("id", "status", "type", "enum", "options", List.of("draft", "live")),
                Map.of("id", "tint", "type", "color")));
        return p;
    }

    @Test
    void aWrongTokenOrUrlIsAClearProblemAndNothingIsSaved() {
        Project p = postsProject();
        directus.createCollection("articles", List.of(field("title", "string")));
        Api.Response badToken = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", directus.url(),
                "token", "not-the-token", "remote_collection", "articles"));
        assertThat(badToken.status()).as(badToken.toString()).isEqualTo(422);
        assertThat(badToken.json().path("code").asText()).isEqualTo("directus_token_rejected");
        assertThat(badToken.json().path("errors").path(0).path("field").asText()).isEqualTo("token");

        Api.Response badUrl = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", "http://127.0.0.1:9",
                "token", DirectusServer.TOKEN, "remote_collection", "articles"));
        assertThat(badUrl.status()).as(badUrl.toString()).isEqualTo(422);
        assertThat(badUrl.json().path("code").asText()).isEqualTo("directus_unreachable");
        assertThat(badUrl.json().path("errors").path(0).path("field").asText()).isEqualTo("url");

        Api.Response noSuchCollection = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", directus.url(),
                "token", DirectusServer.TOKEN, "remote_collection", "nope"));
        assertThat(noSuchCollection.status()).isEqualTo(422);
        assertThat(noSuchCollection.json().path("code").asText()).isEqualTo("remote_collection_not_found");

        assertThat(p.api().get(p.path("/connections")).json().path("data")).isEmpty();
    }

    @Test
    void createNewMakesTheDirectusCollectionWithChangeMarkersAndTheTokenIsNeverReturned() {
        Project p = postsProject();
        JsonNode c = p.connect(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "vellum_posts", "create_remote", true));
        assertThat(c.toString()).doesNotContain(DirectusServer.TOKEN);
        assertThat(c.path("slug_field").asText()).isEqualTo("slug");
        assertThat(c.path("id_field").asText()).isEqualTo("id");

        JsonNode fields = directus.api().get("/fields/vellum_posts").json().path("data");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        fields.forEach(f -> byName.put(f.path("field").asText(), f));
        assertThat(byName).containsKeys("id", "slug", "date_created", "date_updated", "title", "body", "views", "featured", "published",
                "status", "tint");
        assertThat(byName.get("date_updated").path("meta").path("special").toString()).contains("date-updated");
        assertThat(byName.get("date_created").path("meta").path("special").toString()).contains("date-created");
        assertThat(byName.get("body").path("meta").path("interface").asText()).isEqualTo("input-rich-text-html");
        assertThat(byName.get("featured").path("meta").path("special").toString()).contains("cast-boolean");
        assertThat(byName.get("slug").path("schema").path("is_unique").asBoolean()).isTrue();

        // every field is mapped to its own, with the suggested format
        List<String> mapped = new ArrayList<>();
        c.path("mapping").forEach(m -> {
            if (!m.path("ignore").asBoolean()) mapped.add(m.path("field").asText() + "→" + m.path("remote").asText());
        });
        assertThat(mapped).containsExactlyInAnyOrder("title→title", "body→body", "views→views", "featured→featured",
                "published→published", "status→status", "tint→tint");

        Api.Response listed = p.api().get(p.path("/connections/" + c.path("id").asText() + "/remote"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode remote = null;
        for (JsonNode col : listed.json().path("collections")) if (col.path("collection").asText().equals("vellum_posts")) remote = col;
        assertThat(remote).isNotNull();
        assertThat(remote.path("connected").asBoolean()).isTrue();
        Map<String, String> suggested = new java.util.HashMap<>();
        remote.path("fields").forEach(f -> suggested.put(f.path("field").asText(), f.path("suggested").path("type").asText()));
        assertThat(suggested).containsEntry("body", "rich_text").containsEntry("views", "number").containsEntry("featured", "boolean")
                .containsEntry("published", "date").containsEntry("status", "enum").containsEntry("tint", "color").containsEntry("title", "text");
    }

    @Test
    void createNewAtTheFreeTiersCollectionLimitIsAClearProblemAndLeavesNothingHalfMade() {
        Project p = project("limit");
        p.collection("tags", List.of(Map.of("id", "name", "type", "text")));
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "tags", "type", "references", "collection", "tags")));
        p.connect(Map.of("collection", "tags", "url", directus.url(), "token", DirectusServer.TOKEN, "remote_collection", "v_tags",
                "create_remote", true));
        // fill Directus up to its limit, then free one place: the new collection fits, its junction does not
        int made = 0;
        while (made < 60) {
            Api.Response r = directus.api().post("/collections", Map.of("collection", "filler_" + made, "schema", Map.of(), "meta", Map.of()));
            if (r.status() != 200) break;
            made++;
        }
        assertThat(made).as("Directus' free tier refuses collections past its limit").isLessThan(60).isPositive();
        assertThat(directus.api().delete("/collections/filler_" + (made - 1)).status()).isEqualTo(204);

        Api.Response r = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "v_posts", "create_remote", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().path("code").asText()).isEqualTo("create_failed");
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("remote_collection");
        assertThat(directus.api().get("/collections/v_posts").status()).isIn(403, 404);
        JsonNode history = directus.api().get("/activity?filter[collection][_eq]=directus_collections&filter[item][_eq]=v_posts&fields=action")
                .json().path("data");
        assertThat(history.findValuesAsText("action")).as(history.toString()).contains("create", "delete"); // made, then taken back
        assertThat(p.api().get(p.path("/connections")).json().path("data")).hasSize(1);
    }

    @Test
    void reconfigureKeepsTheTokenAndChangesOptionsAndMapping() {
        Project p = postsProject();
        JsonNode c = p.connect(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "vellum_posts", "create_remote", true));
        String id = c.path("id").asText();
        Api.Response changed = p.api().patch(p.path("/connections/" + id), Map.of("always_overwrite", true, "conflicts", "item",
                "mapping", List.of(Map.of("field", "title", "remote", "title"), Map.of("field", "body", "ignore", true))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode again = p.api().get(p.path("/connections/" + id)).json();
        assertThat(again.path("always_overwrite").asBoolean()).isTrue();
        assertThat(again.path("conflicts").asText()).isEqualTo("item");
        assertThat(again.path("mapping")).hasSize(2);
        assertThat(again.path("mapping").path(1).path("ignore").asBoolean()).isTrue();
        Api.Response unknown = p.api().patch(p.path("/connections/" + id), Map.of("mapping", List.of(Map.of("field", "title", "remote", "nope"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").path(0).path("field").asText()).isEqualTo("mapping[0].remote");
        Api.Response second = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", directus.url(), "token",
                DirectusServer.TOKEN, "remote_collection", "vellum_posts"));
        assertThat(second.status()).isEqualTo(409);
    }
}
