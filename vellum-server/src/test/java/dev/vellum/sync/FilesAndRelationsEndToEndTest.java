package dev.vellum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files re-hosted in Vellum's asset store and pushed back as Directus files (each file crossing once),
 * and "create new" with many-to-many fields (the junction collection and its relations), round-tripped
 * both ways against a real Directus.
 */
class FilesAndRelationsEndToEndTest extends DirectusScenarios {
    private static final byte[] TEXT = "hello from directus".getBytes(StandardCharsets.UTF_8);

    private String connect(Project p, String collection, String remote, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("collection", collection, "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", remote));
        body.putAll(extra);
        return p.connect(body).path("id").asText();
    }

    private void withFiles(String name) {
        directus.createCollection(name, List.of(slug(), marker("date_created", "date-created"),
                marker("date_updated", "date-updated"), field("title", "string"),
                field("cover", "uuid", Map.of("interface", "file-image", "special", List.of("file"))),
                field("attachment", "uuid", Map.of("interface", "file", "special", List.of("file")))));
        for (String f : List.of("cover", "attachment")) {
            Api.Response r = directus.api().post("/relations", Map.of("collection", name, "field", f, "related_collection", "directus_files"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    private JsonNode directusItem(String collection, String slug) {
        Api.Response r = directus.api().get("/items/" + collection + "?filter[slug][_eq]=" + slug);
        assertThat(r.json().path("data")).as(r.toString()).hasSize(1);
        return r.json().path("data").path(0);
    }

    private static List<Map<String, Object>> fileFields() {
        return List.of(Map.of("id", "title", "type", "text"), Map.of("id", "cover", "type", "image"), Map.of("id", "attachment", "type", "file"));
    }

    @Test
    void rehostedFilesLandInTheAssetStoreAndGoBackAsTheSameDirectusFiles() {
        Project p = project("rehost");
        p.collection("posts", fileFields());
        p.collection("copies", fileFields());
        withFiles("articles");
        withFiles("articles_copy");
        String png = upload("pixel.png", "image/png", TypeRoundTripEndToEndTest.PNG);
        String txt = upload("notes.txt", "text/plain", TEXT);
        Api.Response described = directus.api().patch("/files/" + png, Map.of("title", "A pixel", "description", "One red pixel on white"));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);
        createItems("articles", List.of(Map.of("slug", "first", "title", "First", "cover", png, "attachment", txt)));
        String c = connect(p, "posts", "articles", Map.of("assets", "rehost"));

        // Directus → Vellum: the files' bytes are in Vellum's asset store, the entry holds the assets
        JsonNode pulled = p.sync(c, "pull");
        assertThat(pulled.path("created").asInt()).as(pulled.toString()).isEqualTo(1);
        JsonNode e = p.entryBySlug("posts", "first").path("fields");
        String coverAsset = e.path("cover").path("asset").asText();
        String textAsset = e.path("attachment").path("asset").asText();
        assertThat(coverAsset).as(e.toString()).isNotBlank();
        assertThat(e.path("cover").path("url").asText()).doesNotStartWith(directus.url());
        assertThat(e.path("cover").path("filename").asText()).isEqualTo("pixel.png");
        assertThat(e.path("attachment").path("filename").asText()).isEqualTo("notes.txt");
        assertThat(vellumAsset(p, coverAsset)).isEqualTo(TypeRoundTripEndToEndTest.PNG);
        JsonNode coverMeta = p.api().get(p.path("/assets/" + coverAsset)).json();
        assertThat(coverMeta.path("alt").asText()).as("Directus' description is the alt text").isEqualTo("One red pixel on white");
        assertThat(coverMeta.path("title").asText()).isEqualTo("A pixel");
        assertThat(vellumAsset(p, textAsset)).isEqualTo(TEXT);
        assertThat(vellumAssets(p)).isEqualTo(2);
        JsonNode again = p.sync(c, "pull", Map.of("full", true)); // compared again, downloaded not again
        assertThat(again.path("updated").asInt() + again.path("created").asInt()).as(again.toString()).isZero();
        assertThat(vellumAssets(p)).isEqualTo(2);

        // Vellum → Directus: an asset that came from a Directus file goes back as that file, uploaded not again
        int files = directusFiles();
        Api.Response moved = p.api().patch(p.path("/connections/" + c), Map.of("remote_collection", "articles_copy"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode copied = p.sync(c, "push", Map.of("full", true));
        assertThat(copied.path("created").asInt()).as(copied.toString()).isEqualTo(1);
        JsonNode first = directusItem("articles_copy", "first");
        assertThat(first.path("cover").asText()).isEqualTo(png);
        assertThat(first.path("attachment").asText()).isEqualTo(txt);
        assertThat(directusFiles()).isEqualTo(files);

        // an asset uploaded to Vellum is uploaded to Directus as a file, once
        byte[] photo = TestFiles.image("png", 3, 2, 7);
        String photoAsset = vellumUpload(p, "photo.png", "image/png", photo, Map.of("alt", "A test pattern, three by two", "title", "Pattern"))
                .path("id").asText();
        p.create("posts", Map.of("slug", "made-here", "fields", Map.of("title", "Made here", "cover", Map.of("asset", photoAsset),
                "attachment", Map.of("asset", textAsset))));
        JsonNode pushed = p.sync(c, "push");
        assertThat(pushed.path("created").asInt()).as(pushed.toString()).isEqualTo(1);
        JsonNode made = directusItem("articles_copy", "made-here");
        String photoFile = made.path("cover").asText();
        assertThat(photoFile).isNotBlank().isNotEqualTo(png);
        assertThat(directusFile(photoFile)).isEqualTo(photo);
        JsonNode photoMeta = directus.api().get("/files/" + photoFile).json().path("data");
        assertThat(photoMeta.path("filename_download").asText()).isEqualTo("photo.png");
        assertThat(photoMeta.path("description").asText()).as("the alt text goes as Directus' description").isEqualTo("A test pattern, three by two");
        assertThat(photoMeta.path("title").asText()).isEqualTo("Pattern");
        assertThat(made.path("attachment").asText()).isEqualTo(txt);
        assertThat(directusFiles()).isEqualTo(files + 1);
        p.patch("posts", p.entryBySlug("posts", "made-here").path("id").asText(), Map.of("fields", Map.of("title", "Made here, edited")));
        JsonNode edited = p.sync(c, "push");
        assertThat(edited.path("updated").asInt()).as(edited.toString()).isEqualTo(1);
        assertThat(directusItem("articles_copy", "made-here").path("cover").asText()).isEqualTo(photoFile);
        assertThat(directusFiles()).isEqualTo(files + 1);

        // … and back into another collection: the same assets, nothing downloaded twice
        String c2 = connect(p, "copies", "articles_copy", Map.of("assets", "rehost"));
        JsonNode pulled2 = p.sync(c2, "pull");
        assertThat(pulled2.path("created").asInt()).as(pulled2.toString()).isEqualTo(2);
        assertThat(p.entryBySlug("copies", "made-here").path("fields").path("cover").path("asset").asText()).isEqualTo(photoAsset);
        assertThat(p.entryBySlug("copies", "first").path("fields").path("cover").path("asset").asText()).isEqualTo(coverAsset);
        assertThat(vellumAssets(p)).isEqualTo(3);

        // a new file in Directus becomes a new asset
        byte[] other = TestFiles.image("png", 2, 2, 9);
        String otherFile = upload("other.png", "image/png", other);
        directus.api().patch("/items/articles_copy/" + directusItem("articles_copy", "first").path("id").asText(), Map.of("cover", otherFile));
        JsonNode changed = p.sync(c2, "pull");
        assertThat(changed.path("updated").asInt()).as(changed.toString()).isEqualTo(1);
        String newAsset = p.entryBySlug("copies", "first").path("fields").path("cover").path("asset").asText();
        assertThat(newAsset).isNotEqualTo(coverAsset);
        assertThat(vellumAsset(p, newAsset)).isEqualTo(other);
    }

    @Test
    void imagesInsideRichTextGoAsDirectusFilesAndComeBackAsTheSameAssets() {
        Project p = project("richimg");
        p.collection("notes", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "body", "type", "rich_text")));
        byte[] photo = TestFiles.image("png", 4, 3, 5);
        String asset = vellumUpload(p, "inline.png", "image/png", photo).path("id").asText();
        Map<String, Object> image = Map.of("type", "image", "attrs", Map.of("asset", asset, "alt", "An inline photo"));
        Map<String, Object> para = Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", "Before the photo.")));
        p.create("notes", Map.of("slug", "with-photo", "fields", Map.of("title", "With a photo",
                "body", Map.of("type", "doc", "version", 1, "content", List.of(para, image)))));
        int files = directusFiles();
        String c = connect(p, "notes", "notes_richimg", Map.of("assets", "rehost", "create_remote", true));

        // Vellum → Directus: the image is uploaded as a Directus file and the HTML shows it from Directus
        JsonNode pushed = p.sync(c, "push");
        assertThat(pushed.path("created").asInt()).as(pushed.toString()).isEqualTo(1);
        JsonNode item = directusItem("notes_richimg", "with-photo");
        String html = item.path("body").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(directus.url() + "/assets/") + "([0-9a-f-]{36})")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        assertThat(directusFile(m.group(1))).isEqualTo(photo);
        assertThat(html).contains("An inline photo");
        assertThat(directusFiles()).isEqualTo(files + 1);

        // Directus → Vellum: an edit there comes back with the image as the same asset, nothing downloaded
        directus.api().patch("/items/notes_richimg/" + item.path("id").asText(), Map.of("body", html + "<p>Added in Directus.</p>"));
        JsonNode pulled = p.sync(c, "pull");
        assertThat(pulled.path("updated").asInt()).as(pulled.toString()).isEqualTo(1);
        JsonNode body = p.entryBySlug("notes", "with-photo").path("fields").path("body");
        List<String> assetsNamed = body.findValuesAsText("asset");
        assertThat(assetsNamed).as(body.toString()).containsExactly(asset);
        assertThat(body.toString()).contains("Added in Directus.").doesNotContain(directus.url());
        assertThat(vellumAssets(p)).isEqualTo(1);
        JsonNode quiet = p.sync(c, "push");
        assertThat(quiet.path("created").asInt() + quiet.path("updated").asInt()).as(quiet.toString()).isZero();
        assertThat(directusFiles()).isEqualTo(files + 1);
    }

    @Test
    void createNewMakesManyToManyJunctionsThatRoundTripBothWays() {
        Project p = project("m2m");
        p.collection("tags", List.of(Map.of("id", "name", "type", "text")));
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "tags", "type", "references", "collection", "tags"),
                Map.of("id", "lead", "type", "reference", "collection", "tags")));
        Map<String, String> tag = new HashMap<>();
        for (String s : List.of("a", "b", "c")) tag.put(s, p.create("tags", Map.of("slug", s, "fields", Map.of("name", s.toUpperCase()))).path("id").asText());
        String tags = p.connect(Map.of("collection", "tags", "url", directus.url(), "token", DirectusServer.TOKEN, "remote_collection", "v_tags",
                "create_remote", true)).path("id").asText();
        assertThat(p.sync(tags, "push").path("created").asInt()).isEqualTo(3);
        Map<String, Integer> key = new HashMap<>();
        for (String s : List.of("a", "b", "c")) key.put(s, directusItem("v_tags", s).path("id").asInt());

        JsonNode posts = p.connect(Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "v_posts", "create_remote", true));
        assertThat(posts.path("skipped_fields")).as(posts.toString()).isEmpty();
        String c = posts.path("id").asText();
        // the junction and its relations exist, and the mapping uses them
        JsonNode junction = directus.api().get("/fields/v_posts_tags").json().path("data");
        assertThat(junction.findValuesAsText("field")).contains("v_posts_id", "v_tags_id");
        JsonNode alias = directus.api().get("/fields/v_posts/tags").json().path("data");
        assertThat(alias.path("meta").path("special").toString()).contains("m2m");
        List<String> mapped = new ArrayList<>();
        posts.path("mapping").forEach(m -> {
            if (!m.path("ignore").asBoolean()) mapped.add(m.path("field").asText());
        });
        assertThat(mapped).contains("tags", "lead");

        // Vellum → Directus, in order
        p.create("posts", Map.of("slug", "one", "fields", Map.of("title", "One", "tags", List.of(tag.get("c"), tag.get("a")), "lead", tag.get("b"))));
        JsonNode pushed = p.sync(c, "push");
        assertThat(pushed.path("created").asInt()).as(pushed.toString()).isEqualTo(1);
        assertThat(tagKeys("one")).containsExactly(key.get("c"), key.get("a"));
        assertThat(directusItem("v_posts", "one").path("lead").asInt()).isEqualTo(key.get("b"));

        // Directus → Vellum
        String item = directusItem("v_posts", "one").path("id").asText();
        Api.Response r = directus.api().patch("/items/v_posts/" + item, Map.of("tags", List.of(Map.of("v_tags_id", key.get("b")))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode pulled = p.sync(c, "pull");
        assertThat(pulled.path("updated").asInt()).as(pulled.toString()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        p.entryBySlug("posts", "one").path("fields").path("tags").forEach(t -> ids.add(t.asText()));
        assertThat(ids).containsExactly(tag.get("b"));

        // and back again, changed in Vellum
        p.patch("posts", p.entryBySlug("posts", "one").path("id").asText(), Map.of("fields", Map.of("tags", List.of(tag.get("a"), tag.get("b"),
                tag.get("c")))));
        JsonNode pushedAgain = p.sync(c, "push");
        assertThat(pushedAgain.path("updated").asInt()).as(pushedAgain.toString()).isEqualTo(1);
        assertThat(tagKeys("one")).containsExactly(key.get("a"), key.get("b"), key.get("c"));
        assertThat(directus.api().get("/items/v_posts_tags?limit=-1").json().path("data")).hasSize(3); // dropped rows deleted, not orphaned
        JsonNode quiet = p.sync(c, "pull", Map.of("full", true));
        assertThat(quiet.path("updated").asInt() + quiet.path("created").asInt()).as(quiet.toString()).isZero();
    }

    @Test
    void createNewTakesBackWhatItMadeWhenDirectusRefusesHalfWay() {
        Project p = project("m2m-fail");
        p.collection("tags", List.of(Map.of("id", "name", "type", "text")));
        p.collection("posts", List.of(Map.of("id", "title", "type", "text"), Map.of("id", "tags", "type", "references", "collection", "tags")));
        p.connect(Map.of("collection", "tags", "url", directus.url(), "token", DirectusServer.TOKEN, "remote_collection", "v_tags",
                "create_remote", true));
        directus.createCollection("v_posts_tags", List.of(field("note", "string"))); // the junction's name is taken
        Api.Response r = p.api().post(p.path("/connections"), Map.of("collection", "posts", "url", directus.url(), "token", DirectusServer.TOKEN,
                "remote_collection", "v_posts", "create_remote", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().path("code").asText()).isEqualTo("create_failed");
        assertThat(directus.api().get("/collections/v_posts").status()).isIn(403, 404); // not left half-made
        assertThat(p.api().get(p.path("/connections")).json().path("data")).hasSize(1);
    }

    private List<Integer> tagKeys(String slug) {
        Api.Response r = directus.api().get("/items/v_posts?fields=tags.v_tags_id&filter[slug][_eq]=" + slug);
        List<Integer> out = new ArrayList<>();
        r.json().path("data").path(0).path("tags").forEach(t -> out.add(t.path("v_tags_id").asInt()));
        return out;
    }
}
