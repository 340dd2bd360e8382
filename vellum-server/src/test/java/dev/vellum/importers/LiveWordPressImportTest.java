package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.importers.wordpress.WordPressRest;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.query.ListParams;
import dev.vellum.testing.Backend;
import dev.vellum.testing.LocalScenarios;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The live-site importer against a real WordPress (see {@link LiveWordPress}); the methods run in order, on one project. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveWordPressImportTest extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OutboundPolicy LOOPBACK = OutboundPolicy.of(List.of("127.0.0.0/8"));
    private LiveWordPress wp;

    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }

    private WordPressRest site(String password) {
        return new WordPressRest(wp.base(), wp.user(), password, LOOPBACK, Duration.ofSeconds(30));
    }

    private ObjectNode run(String jobId, String password, ImportContext ctx) {
        return vellum.services().importers().wordpress("live", jobId, site(password), JSON.createObjectNode().put("media", false)
                .put("rewrite_links", true), ctx);
    }

    private Map<String, JsonNode> bySlug(String collection) {
        ObjectNode page = vellum.services().entries().list("live", collection, new ListParams("200", null, null, null, null, null), true,
                RichTextFormat.HTML);
        Map<String, JsonNode> out = new HashMap<>();
        page.get("data").forEach(e -> out.put(e.get("slug").asText(), e));
        return out;
    }

    @Test
    @Order(1)
    void aWrongApplicationPasswordIsAnErrorNotAPublicOnlyImport() {
        wp = LiveWordPress.get();
        vellum.services().projects().create("live", "Live");
        assertThatThrownBy(() -> run("job-wrong", "wrong password 1234", ImportContext.NONE))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.code()).isEqualTo("source_auth_failed"))
                .hasMessageContaining("refused the application password");
        assertThat(vellum.services().collections().list("live")).isEmpty();
    }

    @Test
    @Order(2)
    void theSiteGoingAwayMidRunFailsClearlyAndKeepsWhatWasImported() throws Exception {
        wp = LiveWordPress.get();
        ImportContext stopsTheSite = new ImportContext() {
            @Override public void progress(String phase, long done, long total) {
                if (phase.equals("tags")) wp.stopServing();
            }
            @Override public boolean cancelled() { return false; }
        };
        try {
            assertThatThrownBy(() -> run("job-gone", wp.appPassword(), stopsTheSite))
                    .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.code()).isEqualTo("source_unavailable"))
                    .hasMessageContaining("stopped answering");
        } finally {
            wp.serve();
        }
        assertThat(bySlug("categories")).containsKeys("news", "world", "europe");
        assertThat(bySlug("posts")).isEmpty();
        assertThat(vellum.services().importers().counts("job-gone").get("created").asLong()).isGreaterThan(0);
    }

    @Test
    @Order(3)
    void theNextRunBringsEverythingWithDraftsPrivateAndScheduled() {
        wp = LiveWordPress.get();
        ObjectNode result = run("job-full", wp.appPassword(), ImportContext.NONE);
        assertThat(result.get("counts").get("failed").asLong()).isZero();
        Map<String, JsonNode> posts = bySlug("posts");
        assertThat(posts).containsKeys("hello-world", "block-post", "classic-post", "draft-post", "private-post", "scheduled-post").hasSize(6);
        assertThat(posts.get("draft-post").get("draft").asBoolean()).isTrue();
        assertThat(posts.get("private-post").get("draft").asBoolean()).isTrue();
        assertThat(posts.get("private-post").get("fields").get("visibility").asText()).isEqualTo("private");
        assertThat(posts.get("scheduled-post").get("draft").asBoolean()).isTrue();
        assertThat(posts.get("scheduled-post").get("publish_at").isNull()).isFalse();

        JsonNode block = posts.get("block-post").get("fields");
        assertThat(block.get("sticky").asBoolean()).isTrue();
        assertThat(block.get("excerpt").asText()).isEqualTo("Block excerpt");
        assertThat(block.get("body").get("html").asText()).contains("<strong>block</strong>").contains("<img").contains("Orange")
                .doesNotContain("wp:image");
        assertThat(block.get("featured_image").get("url").asText()).startsWith(wp.base()).contains("photo2");
        Map<String, JsonNode> cats = bySlug("categories");
        assertThat(StreamSupport.stream(block.get("categories").spliterator(), false).map(JsonNode::asText))
                .containsExactly(cats.get("europe").get("id").asText());
        assertThat(cats.get("europe").get("fields").get("parent").asText()).isEqualTo(cats.get("world").get("id").asText());
        assertThat(cats.get("world").get("fields").get("parent").asText()).isEqualTo(cats.get("news").get("id").asText());
        assertThat(block.get("tags").size()).isEqualTo(2);
        assertThat(block.get("author").asText()).isEqualTo(bySlug("authors").get("admin").get("id").asText());

        JsonNode classic = posts.get("classic-post").get("fields");
        assertThat(classic.get("body").get("html").asText()).contains("<br>").contains("href=\"/posts/block-post\"");

        Map<String, JsonNode> pages = bySlug("pages");
        assertThat(pages.get("child-page").get("fields").get("parent").asText()).isEqualTo(pages.get("parent-page").get("id").asText());
    }

    @Test
    @Order(4)
    void aReRunReadsOnlyWhatChanged() throws Exception {
        wp = LiveWordPress.get();
        ObjectNode same = run("job-same", wp.appPassword(), ImportContext.NONE);
        assertThat(same.get("counts").get("created").asLong()).isZero();
        assertThat(same.get("counts").get("updated").asLong()).isZero();
        wp.post("/wp/v2/posts/" + wp.id("post:classic"), Map.of("title", "Classic post, edited"));
        Thread.sleep(1100); // WordPress's modified_after compares whole seconds
        ObjectNode delta = run("job-delta", wp.appPassword(), ImportContext.NONE);
        assertThat(delta.get("counts").get("updated").asLong()).isEqualTo(1);
        assertThat(delta.get("counts").get("created").asLong()).isZero();
        List<ImportLog.Row> posts = vellum.services().importers().log("job-delta", 0, 100, null).stream()
                .filter(r -> r.sourceId().startsWith("post:") && r.action() != ImportLog.Action.UNCHANGED).toList();
        assertThat(posts).extracting(ImportLog.Row::sourceId).containsExactly("post:" + wp.id("post:classic"));
        assertThat(bySlug("posts").get("classic-post").get("fields").get("title").asText()).isEqualTo("Classic post, edited");
    }
}
