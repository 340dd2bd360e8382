package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.ListParams;
import dev.vellum.testing.Backend;
import dev.vellum.testing.LocalScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown folders in the three layouts sites keep them in, front matter in YAML, TOML and JSON. */
class MarkdownImportTest extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }

    private static void write(Path root, String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Map<String, JsonNode> entries(String project, String collection) {
        ObjectNode page = vellum.services().entries().list(project, collection, new ListParams("100", null, null, null, null, null), true,
                RichTextFormat.MARKDOWN);
        Map<String, JsonNode> out = new HashMap<>();
        page.get("data").forEach(e -> out.put(e.get("slug").asText(), e));
        return out;
    }

    @Test
    void hugoSiteWithYamlTomlAndJsonFrontMatter(@TempDir Path site) throws Exception {
        write(site, "content/posts/hello.md", """
                ---
                title: "Hello, Hugo"
                date: 2024-03-01T10:00:00Z
                tags: [intro, hugo]
                draft: false
                description: First post
                ---
                # Hello

                Some *text* and an image: ![logo](/images/logo.png)
                """);
        write(site, "content/posts/bundle/index.md", """
                +++
                title = "A bundle"
                date = 2024-03-02T10:00:00Z
                draft = true
                tags = ["one", "two"]
                [params]
                author = "x"
                +++
                Body with ![missing](./nope.png).
                """);
        write(site, "content/posts/json.md", """
                {"title": "JSON front matter", "slug": "from-json"}
                Text.
                """);
        write(site, "content/_index.md", "---\ntitle: section list\n---\n");
        write(site, "static/images/logo.png", "not really a png");
        vellum.services().projects().create("hugo", "Hugo");
        ObjectNode result = vellum.services().importers().markdown("hugo", "md-hugo", site, JSON.createObjectNode(), ImportContext.NONE);
        assertThat(result.get("layout").asText()).isEqualTo("hugo");
        assertThat(result.get("counts").get("created").asLong()).isEqualTo(3);
        Map<String, JsonNode> posts = entries("hugo", "posts");
        assertThat(posts).containsOnlyKeys("hello", "bundle", "from-json");
        JsonNode hello = posts.get("hello").get("fields");
        assertThat(hello.get("title").asText()).isEqualTo("Hello, Hugo");
        assertThat(hello.get("tags")).extracting(JsonNode::asText).containsExactly("intro", "hugo");
        assertThat(hello.get("date").asText()).startsWith("2024-03-01T10:00:00");
        assertThat(hello.get("body").get("markdown").asText()).contains("*text*");
        assertThat(posts.get("bundle").get("draft").asBoolean()).isTrue();
        assertThat(result.get("media").get("failures").toString()).contains("./nope.png").contains("no such file");
        assertThat(vellum.services().importers().log("md-hugo", 0, 10, ImportLog.Action.CREATED).stream()
                .filter(r -> r.sourceId().equals("file:content/posts/bundle/index.md")).findFirst().orElseThrow().error()).contains("./nope.png");

        ObjectNode again = vellum.services().importers().markdown("hugo", "md-hugo-2", site, JSON.createObjectNode(), ImportContext.NONE);
        assertThat(again.get("counts").get("unchanged").asLong()).isEqualTo(3); // the bundle is read again (its image is missing) and found the same
        assertThat(again.get("counts").get("created").asLong()).isZero();
    }

    @Test
    void jekyllDatesFromFileNamesAndDrafts(@TempDir Path site) throws Exception {
        write(site, "_posts/2023-12-24-christmas-eve.md", "---\ntitle: Eve\ncategories: news\n---\nHo ho.\n");
        write(site, "_posts/2023-12-25-hidden.markdown", "---\ntitle: Hidden\npublished: false\n---\nNot yet.\n");
        write(site, "_drafts/wip.md", "---\ntitle: Work in progress\n---\nDraft.\n");
        vellum.services().projects().create("jekyll", "Jekyll");
        ObjectNode result = vellum.services().importers().markdown("jekyll", "md-jekyll", site,
                JSON.createObjectNode().put("collection", "articles"), ImportContext.NONE);
        assertThat(result.get("layout").asText()).isEqualTo("jekyll");
        Map<String, JsonNode> posts = entries("jekyll", "articles");
        assertThat(posts).containsOnlyKeys("christmas-eve", "hidden", "wip");
        assertThat(posts.get("christmas-eve").get("fields").get("date").asText()).startsWith("2023-12-24");
        assertThat(posts.get("christmas-eve").get("fields").get("categories")).extracting(JsonNode::asText).containsExactly("news");
        assertThat(posts.get("christmas-eve").get("draft").asBoolean()).isFalse();
        assertThat(posts.get("hidden").get("draft").asBoolean()).isTrue();
        assertThat(posts.get("wip").get("draft").asBoolean()).isTrue();
    }

    @Test
    void astroContentCollections(@TempDir Path site) throws Exception {
        write(site, "src/content/blog/first-post.mdx", """
                ---
                title: 'First post'
                pubDate: 'Jul 08 2022'
                heroImage: '/blog-placeholder-3.jpg'
                ---
                import Chart from '../components/Chart.astro';

                Hello **Astro**.
                """);
        vellum.services().projects().create("astro", "Astro");
        ObjectNode result = vellum.services().importers().markdown("astro", "md-astro", site, JSON.createObjectNode(), ImportContext.NONE);
        assertThat(result.get("layout").asText()).isEqualTo("astro");
        JsonNode post = entries("astro", "posts").get("first-post").get("fields");
        assertThat(post.get("body").get("markdown").asText()).contains("**Astro**").doesNotContain("import Chart");
        assertThat(post.get("date").asText()).isEqualTo("2022-07-08");
        assertThat(result.get("media").get("failures").toString()).contains("/blog-placeholder-3.jpg");
    }
}
