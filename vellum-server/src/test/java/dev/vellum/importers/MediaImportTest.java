package dev.vellum.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.vellum.content.RichTextFormat;
import dev.vellum.importers.wordpress.WxrFile;
import dev.vellum.query.ListParams;
import dev.vellum.testing.Backend;
import dev.vellum.testing.LocalScenarios;
import java.awt.Color;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media of a WordPress export re-hosted as assets from a real HTTP server on loopback: srcset sizes,
 * featured images, linked files; one image answers 404 and one never answers in time: both are
 * reported and keep their URLs; a re-run downloads nothing again.
 */
class MediaImportTest extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer images;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_ASSET_FETCH_TIMEOUT_MS", "1500");
    }

    @BeforeAll
    void imageServer() throws Exception {
        byte[] photo = LiveWordPress.jpeg(1200, 800, Color.RED);
        // other bytes than the photo: identical bytes would be one asset, named after whichever download finished first
        byte[] cover = LiveWordPress.jpeg(600, 400, Color.BLUE);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        images.setExecutor(Executors.newFixedThreadPool(8));
        images.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            try {
                if (path.endsWith("/slow.jpg")) Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (path.endsWith("/missing.jpg")) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] body = path.endsWith(".pdf") ? pdf : path.endsWith("/cover.jpg") ? cover : photo;
                ex.getResponseHeaders().add("Content-Type", path.endsWith(".pdf") ? "application/pdf" : "image/jpeg");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        images.start();
        base = "http://127.0.0.1:" + images.getAddress().getPort() + "/wp-content/uploads/";
    }

    @AfterAll
    void stopImages() {
        if (images != null) images.stop(0);
    }

    @Test
    void imagesAreReHostedAndEveryUrlRewritten(@TempDir Path dir) throws Exception {
        String html = ("<!-- wp:image --><figure class=\"wp-block-image\"><img src=\"BASEphoto-1024x683.jpg\" srcset=\"BASEphoto.jpg 1200w, "
                + "BASEphoto-300x200.jpg 300w\" alt=\"A photo\"/></figure><!-- /wp:image -->"
                + "<p><a href=\"BASEdoc.pdf\">the brochure</a></p><p><img src=\"BASEmissing.jpg\" alt=\"gone\"></p>"
                + "<p><img src=\"BASEslow.jpg\" alt=\"slow\"></p>").replace("BASE", base);
        Path wxr = Files.writeString(dir.resolve("media.xml"), """
                <rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <wp:base_blog_url>https://media.example</wp:base_blog_url>
                <item><title>Cover</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
                  <wp:attachment_url>%scover.jpg</wp:attachment_url>
                  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>The cover</wp:meta_value></wp:postmeta></item>
                <item><title>With media</title><wp:post_id>1</wp:post_id><wp:post_name>with-media</wp:post_name><wp:status>publish</wp:status>
                  <wp:post_type>post</wp:post_type><content:encoded><![CDATA[%s]]></content:encoded>
                  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta></item>
                </channel></rss>""".formatted(base, html));
        vellum.services().projects().create("media", "Media");
        Importers importers = vellum.services().importers();
        ObjectNode result = importers.wordpress("media", "job-media", new WxrFile(() -> Files.newInputStream(wxr), "m"),
                JSON.createObjectNode().put("media_attempts", 2), ImportContext.NONE);
        JsonNode media = result.get("media");
        assertThat(media.get("fetched").asInt()).isEqualTo(3); // photo.jpg (for all three sizes), doc.pdf, cover.jpg
        assertThat(media.get("failed").asInt()).isEqualTo(2);
        assertThat(media.get("failures").toString()).contains("missing.jpg").contains("404").contains("slow.jpg").contains("fetch_timeout");
        assertThat(hits.get("/wp-content/uploads/missing.jpg").get()).as("a 404 is not retried").isEqualTo(1);
        assertThat(hits.get("/wp-content/uploads/slow.jpg").get()).as("a timeout is retried").isEqualTo(2);
        assertThat(hits).doesNotContainKey("/wp-content/uploads/photo-300x200.jpg"); // resized copies come from the original

        Map<String, JsonNode> posts = new HashMap<>();
        var page = vellum.services().entries().list("media", "posts", new ListParams("10", null, null, null, null, null), true, RichTextFormat.HTML);
        vellum.services().assets().expand("media", page); // as the API renders it: asset references with their URLs
        page.get("data").forEach(e -> posts.put(e.get("slug").asText(), e));
        JsonNode post = posts.get("with-media").get("fields");
        String body = post.get("body").get("html").asText();
        String photoAsset = vellum.services().assets().list("media", new dev.vellum.assets.AssetQuery(null, null, 100, null)).data().stream()
                .filter(a -> a.filename().equals("photo.jpg")).findFirst().map(a -> vellum.services().assets().url(a)).orElseThrow();
        assertThat(body).contains(photoAsset + "?w=1024").doesNotContain(base + "photo").contains(base + "missing.jpg").contains(base + "slow.jpg");
        assertThat(body).doesNotContain(base + "doc.pdf");
        assertThat(post.get("featured_image").get("url").asText()).doesNotContain(base).contains("/assets/media/");
        assertThat(post.get("featured_image").get("asset").isTextual()).as("stored as a reference to the asset").isTrue();
        String stored = vellum.services().database().read(tx -> tx.one("SELECT CAST(f_body AS TEXT) FROM "
                + vellum.services().collections().get("media", "posts").table() + " WHERE slug = 'with-media'", rs -> rs.getString(1))).orElseThrow();
        assertThat(stored).as("inline images are asset references, so they count as uses").contains("\"variant\":\"w=1024\"");
        assertThat(post.get("featured_image").get("alt").asText()).isEqualTo("The cover");
        ImportLog.Row row = importers.log("job-media", 0, 10, ImportLog.Action.CREATED).stream()
                .filter(r -> r.sourceId().equals("post:1")).findFirst().orElseThrow();
        assertThat(row.error()).contains("missing.jpg").contains("slow.jpg");

        int photoHits = hits.get("/wp-content/uploads/photo.jpg").get();
        ObjectNode again = importers.wordpress("media", "job-media-2", new WxrFile(() -> Files.newInputStream(wxr), "m"),
                JSON.createObjectNode().put("media_attempts", 1), ImportContext.NONE);
        assertThat(hits.get("/wp-content/uploads/photo.jpg").get()).as("fetched media are not downloaded again").isEqualTo(photoHits);
        assertThat(again.get("media").get("reused").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(again.get("counts").get("created").asLong()).isZero();
    }
}
