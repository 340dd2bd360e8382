package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.query.ListParams;
import dev.vellum.testing.LocalScenarios;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Export a project, restore it into an empty one, export that: the two archives hold the same bytes. */
public abstract class ArchiveScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1");
    }

    @Test
    void exportRestoreExportIsByteIdentical() throws Exception {
        var s = vellum.services();
        s.projects().create("orig", "Original");
        s.collections().create("orig", JSON.readTree("""
                {"id": "authors", "slug_from": "name", "fields": [{"id": "name", "type": "text", "required": true}]}"""), null);
        s.collections().create("orig", JSON.readTree("""
                {"id": "posts", "slug_from": "title", "fields": [
                  {"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"}, {"id": "views", "type": "number"},
                  {"id": "author", "type": "reference", "collection": "authors"}, {"id": "related", "type": "references", "collection": "posts"},
                  {"id": "cover", "type": "image"}]}"""), null);
        s.collections().update("orig", "posts", JSON.readTree("""
                {"fields": [{"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"}, {"id": "views", "type": "number"},
                  {"id": "author", "type": "reference", "collection": "authors"}, {"id": "related", "type": "references", "collection": "posts"},
                  {"id": "cover", "type": "image"}, {"id": "tags", "type": "array", "of": {"type": "text"}}]}"""), null);
        String ada = s.entries().create("orig", "authors", JSON.readTree("{\"fields\": {\"name\": \"Ada\"}}"), null, null, RichTextFormat.JSON).id();
        String first = s.entries().create("orig", "posts", JSON.readTree("""
                {"fields": {"title": "First", "body": {"markdown": "Hello **world**"}, "views": 3, "author": "%s",
                 "cover": {"url": "https://img.example/a.png", "alt": "A"}, "tags": ["x", "y"]}}""".formatted(ada)), null, null,
                RichTextFormat.JSON).id();
        s.entries().create("orig", "posts", JSON.readTree("""
                {"slug": "second", "draft": true, "publish_at": "2031-01-01T00:00:00Z", "fields": {"title": "Second", "related": ["%s"]}}"""
                .formatted(first)), null, null, RichTextFormat.JSON);
        s.entries().update("orig", "posts", first, JSON.readTree("{\"fields\": {\"views\": 4}}"), null, null, RichTextFormat.JSON);
        s.webhooks().create("orig", JSON.readTree("{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"entry.*\"], \"secret\": \"0123456789abcdef0123\"}"));

        ByteArrayOutputStream a = new ByteArrayOutputStream();
        var exported = s.importers().archive().export("orig", a);
        assertThat(exported.entries()).isEqualTo(3);
        assertThat(new String(a.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("0123456789abcdef0123");

        s.projects().create("copy", "Copy");
        var restored = s.importers().archive().restore("copy", new ByteArrayInputStream(a.toByteArray()));
        assertThat(restored.json().toString()).isEqualTo(exported.json().toString());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        s.importers().archive().export("copy", b);

        Map<String, byte[]> left = members(a.toByteArray());
        Map<String, byte[]> right = members(b.toByteArray());
        assertThat(right.keySet()).containsExactlyElementsOf(left.keySet());
        for (String name : left.keySet()) {
            if (name.equals("manifest.json") || name.equals("webhooks.json")) continue;
            assertThat(right.get(name)).as(name).isEqualTo(left.get(name));
        }
        assertThat(JSON.readTree(right.get("webhooks.json"))).isEqualTo(JSON.readTree(left.get("webhooks.json")));
        ObjectNode manifest = (ObjectNode) JSON.readTree(right.get("manifest.json"));
        assertThat(manifest.get("collections")).isEqualTo(JSON.readTree(left.get("manifest.json")).get("collections"));

        JsonNode copied = s.entries().get("copy", "posts", first, true, RichTextFormat.JSON).body();
        JsonNode original = s.entries().get("orig", "posts", first, true, RichTextFormat.JSON).body();
        assertThat(copied).isEqualTo(original);
        assertThat(copied.get("version").asLong()).isEqualTo(2);
        assertThat(s.collections().get("copy", "posts").version()).isEqualTo(s.collections().get("orig", "posts").version()).isEqualTo(2);
        assertThat(s.webhooks().list("copy")).singleElement().satisfies(w -> assertThat(w.status().name()).isEqualTo("DISABLED"));
        long logged = s.database().read(tx -> tx.count("SELECT COUNT(*) FROM changes WHERE project_id = 'copy' AND kind = 'entry.created'"));
        assertThat(logged).isEqualTo(3);

        assertThatThrownBy(() -> s.importers().archive().restore("copy", new ByteArrayInputStream(a.toByteArray())))
                .isInstanceOf(VellumException.class).hasMessageContaining("without collections");
    }

    @Test
    void assetsTravelWithTheArchiveAndAFreshInstanceExportsTheSameBytes() throws Exception {
        var s = vellum.services();
        s.projects().create("media", "Media");
        s.collections().create("media", JSON.readTree("""
                {"id": "posts", "slug_from": "title", "fields": [{"id": "title", "type": "text"}, {"id": "body", "type": "rich_text"},
                  {"id": "cover", "type": "image"}, {"id": "files", "type": "array", "of": {"type": "file"}}]}"""), null);
        byte[] png = dev.vellum.testing.TestFiles.image("png", 40, 30, 7);
        byte[] mp3 = dev.vellum.testing.TestFiles.mp3(300_000, 3);
        var photo = s.assets().upload("media", new ByteArrayInputStream(png), new dev.vellum.assets.AssetUpload("photo.png", null, "A photo", null)).asset();
        var sound = s.assets().upload("media", new ByteArrayInputStream(mp3), dev.vellum.assets.AssetUpload.named("sound.mp3")).asset();
        s.assets().update("media", sound.id(), new dev.vellum.assets.AssetPatch(null, "The sound"));
        s.assets().setPublic("media", false);
        String post = s.entries().create("media", "posts", JSON.readTree("""
                {"fields": {"title": "With media", "cover": {"asset": "%1$s", "alt": "cover"}, "files": [{"asset": "%2$s"}],
                 "body": {"type": "doc", "version": 1, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Hi"}]},
                   {"type": "image", "attrs": {"asset": "%1$s", "variant": "w=20", "alt": "inline"}}]}}}""".formatted(photo.id(), sound.id())),
                null, null, RichTextFormat.JSON).id();

        ByteArrayOutputStream a = new ByteArrayOutputStream();
        var exported = s.importers().archive().export("media", a);
        assertThat(exported.assets()).isEqualTo(2);
        Map<String, byte[]> left = members(a.toByteArray());
        assertThat(left.keySet()).containsSubsequence("manifest.json", "assets.ndjson", "assets/" + sound.id(), "assets/" + photo.id(),
                "collections/posts.json", "entries/posts.ndjson", "webhooks.json");
        assertThat(left.get("assets/" + photo.id())).isEqualTo(png);
        assertThat(left.get("assets/" + sound.id())).isEqualTo(mp3);

        try (dev.vellum.testing.Backend fresh = newBackend(); dev.vellum.app.Vellum other = dev.vellum.app.Vellum.open(fresh.config(settings()))) {
            var t = other.services();
            t.projects().create("media", "Media");
            var restored = t.importers().archive().restore("media", new ByteArrayInputStream(a.toByteArray()));
            assertThat(restored.json().toString()).isEqualTo(exported.json().toString());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            t.importers().archive().export("media", b);
            assertThat(b.toByteArray()).as("the whole archive, byte for byte").isEqualTo(a.toByteArray());

            var again = t.assets().require("media", photo.id());
            assertThat(again.sha256()).isEqualTo(photo.sha256());
            assertThat(again.createdAt()).isEqualTo(photo.createdAt());
            assertThat(again.alt()).isEqualTo("A photo");
            assertThat(t.assets().require("media", sound.id()).title()).isEqualTo("The sound");
            try (var in = t.assets().open("media", sound.id())) {
                assertThat(in.readAllBytes()).isEqualTo(mp3);
            }
            assertThat(t.assets().isPublic("media")).isFalse();
            assertThat(t.entries().get("media", "posts", post, true, RichTextFormat.JSON).body())
                    .isEqualTo(s.entries().get("media", "posts", post, true, RichTextFormat.JSON).body());
            assertThat(t.entries().get("media", "posts", post, true, RichTextFormat.HTML).body().at("/fields/body/html").asText())
                    .contains(t.assets().url(again) + "?w=20");
            assertThatThrownBy(() -> t.assets().delete("media", photo.id(), false)).as("restored entries still use it")
                    .isInstanceOf(VellumException.class).hasMessageContaining("used by");
        }
    }

    private static Map<String, byte[]> members(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }
}
