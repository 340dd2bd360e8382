package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.importers.wordpress.WxrFile;
import dev.vellum.importers.wordpress.WxrFixture;
import dev.vellum.query.ListParams;
import dev.vellum.testing.LocalScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The theme unit test export imported into a real database: counts, references and spot checks; then a re-run. */
public abstract class WordPressFixtureScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Importers importers;
    private ObjectNode first;

    @BeforeAll
    void importFixture() {
        importers = vellum.services().importers();
        vellum.services().projects().create("wp", "WordPress");
        first = importWxr("job-1");
    }

    private ObjectNode importWxr(String jobId) {
        Path file = WxrFixture.path();
        return importers.wordpress("wp", jobId, new WxrFile(() -> Files.newInputStream(file), file.toString()),
                JSON.createObjectNode().put("media", false).put("rewrite_links", true), ImportContext.NONE);
    }

    private List<JsonNode> all(String collection) {
        ObjectNode page = vellum.services().entries().list("wp", collection, new ListParams("200", null, null, null, null, null), true, RichTextFormat.HTML);
        return StreamSupport.stream(page.get("data").spliterator(), false).toList();
    }

    private Map<String, JsonNode> bySlug(String collection) {
        Map<String, JsonNode> out = new HashMap<>();
        all(collection).forEach(e -> out.put(e.get("slug").asText(), e));
        return out;
    }

    @Test
    void everythingIsImportedAndCounted() {
        assertThat(first.get("source").asText()).isEqualTo("wordpress:https://wpthemetestdata.wordpress.com");
        JsonNode counts = first.get("counts");
        assertThat(counts.get("created").asLong()).isEqualTo(2 + 68 + 110 + 58 + 21);
        assertThat(counts.get("failed").asLong()).isZero();
        assertThat(all("posts")).hasSize(58);
        assertThat(all("pages")).hasSize(21);
        assertThat(all("categories")).hasSize(68);
        assertThat(all("tags")).hasSize(110);
        assertThat(all("authors")).extracting(a -> a.get("fields").get("login").asText()).containsExactlyInAnyOrder("themedemos", "themereviewteam");
        long logged = vellum.services().database().read(tx -> tx.count(
                "SELECT COUNT(*) FROM changes WHERE project_id = 'wp' AND collection_id = 'posts' AND kind = 'entry.created'"));
        assertThat(logged).isEqualTo(58);
    }

    @Test
    void categoryTreeAndPageTreeAreReferences() {
        Map<String, JsonNode> cats = bySlug("categories");
        String grandchildParent = cats.get("grandchild-category").get("fields").get("parent").asText();
        assertThat(grandchildParent).isEqualTo(cats.get("child-category-03").get("id").asText());
        assertThat(cats.get("child-category-03").get("fields").get("parent").asText()).isEqualTo(cats.get("parent-category").get("id").asText());
        assertThat(cats.get("parent-category").get("fields").path("parent").isNull() || cats.get("parent-category").get("fields").path("parent").isMissingNode()).isTrue();
        Map<String, JsonNode> pages = bySlug("pages");
        assertThat(pages.get("level-3").get("fields").get("parent").asText()).isEqualTo(pages.get("level-2").get("id").asText());
        assertThat(pages.get("level-2").get("fields").get("parent").asText()).isEqualTo(pages.get("level-1").get("id").asText());
        assertThat(pages.values().stream().filter(p -> p.get("fields").hasNonNull("parent"))).hasSize(13);
    }

    @Test
    void specificPostsKeepWhatWordPressSaid() {
        Map<String, JsonNode> posts = bySlug("posts");
        Map<String, String> catIds = new HashMap<>();
        all("categories").forEach(c -> catIds.put(c.get("id").asText(), c.get("slug").asText()));
        Map<String, String> tagIds = new HashMap<>();
        all("tags").forEach(c -> tagIds.put(c.get("id").asText(), c.get("slug").asText()));

        JsonNode sticky = posts.get("template-sticky").get("fields");
        assertThat(sticky.get("sticky").asBoolean()).isTrue();
        assertThat(sticky.get("wordpress_id").asLong()).isEqualTo(1241);
        assertThat(StreamSupport.stream(sticky.get("categories").spliterator(), false).map(id -> catIds.get(id.asText())))
                .containsExactly("classic", "uncategorized");
        assertThat(StreamSupport.stream(sticky.get("tags").spliterator(), false).map(id -> tagIds.get(id.asText())))
                .containsExactly("sticky-2", "template");
        assertThat(posts.values().stream().filter(p -> p.get("fields").get("sticky").asBoolean())).hasSize(1);

        JsonNode password = posts.get("template-password-protected");
        assertThat(password.get("draft").asBoolean()).isFalse();
        assertThat(password.get("fields").get("visibility").asText()).isEqualTo("password");
        assertThat(password.get("fields").get("comment_count").asInt()).isEqualTo(1);
        assertThat(posts.get("template-comments").get("fields").get("comment_count").asInt()).isEqualTo(19);

        JsonNode scheduled = posts.get("scheduled");
        assertThat(scheduled.get("draft").asBoolean()).isTrue();
        assertThat(scheduled.get("publish_at").asText()).isEqualTo("2030-01-01T19:00:18.000Z");
        JsonNode draft = posts.get("draft");
        assertThat(draft.get("draft").asBoolean()).isTrue();
        assertThat(draft.get("fields").get("wordpress_id").asLong()).isEqualTo(1164);

        JsonNode image = posts.get("post-format-image-caption").get("fields");
        assertThat(image.get("format").asText()).isEqualTo("image");
        assertThat(image.get("featured_image").get("url").asText()).startsWith("https://wpthemetestdata.files.wordpress.com/");
        assertThat(image.get("body").get("html").asText()).contains("<img").contains("<figcaption>");

        JsonNode block = posts.get("theme-block-category").get("fields");
        assertThat(block.get("body").get("html").asText()).doesNotContain("<!-- wp:");
        assertThat(posts.values().stream().filter(p -> p.get("fields").hasNonNull("custom_fields")))
                .allSatisfy(p -> assertThat(p.get("fields").get("custom_fields").asText()).contains("enclosure"));
        JsonNode author = all("authors").stream().filter(a -> a.get("fields").get("login").asText().equals("themereviewteam")).findFirst().orElseThrow();
        assertThat(block.get("author").asText()).isEqualTo(author.get("id").asText());
    }

    @Test
    void aReRunChangesNothing() {
        ObjectNode again = importWxr("job-rerun");
        JsonNode counts = again.get("counts");
        assertThat(counts.get("created").asLong()).isZero();
        assertThat(counts.get("updated").asLong()).isZero();
        assertThat(counts.get("unchanged").asLong()).isEqualTo(2 + 68 + 110 + 58 + 21);
        assertThat(all("posts")).hasSize(58);
        assertThat(all("posts")).allSatisfy(p -> assertThat(p.get("version").asLong()).isEqualTo(1));
    }
}
