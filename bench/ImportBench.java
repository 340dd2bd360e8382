import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.vellum.app.Vellum;
import dev.vellum.config.VellumConfig;
import dev.vellum.importers.ImportContext;
import dev.vellum.importers.Importers;
import dev.vellum.importers.wordpress.WxrFile;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Import benchmark (run by bench/import.sh with the server jar on the class path, in-process like the
 * CLI's local mode). Figures:
 *   1. a generated WXR of 1,000 posts (realistic HTML, 2 images each from a local HTTP server), end to end;
 *   2. the same again: a no-change re-run;
 *   3. 10,000 posts without images (run with -Xmx512m: finishing at all shows the heap sufficed; the peak is printed);
 *   4. JSON rows into a collection, entries per second.
 * Usage: java -Xmx512m -cp vellum.jar bench/ImportBench.java [posts] [big posts] [json rows]
 */
public class ImportBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
            + "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat").split(" ");

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int big = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100000;
        // the JDK's HttpServer leaves Nagle's algorithm on: with delayed ACKs each image would wait ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] jpeg = Files.readAllBytes(Path.of(System.getProperty("bench.image")));
        HttpServer images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        var imagePool = java.util.concurrent.Executors.newFixedThreadPool(8);
        images.setExecutor(imagePool);
        images.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/jpeg");
            // distinct bytes per URL (the path after the JPEG's end marker), so every image is its own asset
            byte[] tail = ex.getRequestURI().getPath().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, jpeg.length + tail.length);
            ex.getResponseBody().write(jpeg);
            ex.getResponseBody().write(tail);
            ex.close();
        });
        images.start();
        String imageBase = "http://127.0.0.1:" + images.getAddress().getPort() + "/wp-content/uploads/2024/01/";
        Path dir = Files.createTempDirectory("vellum-import-bench-");
        Path small = dir.resolve("posts.xml");
        Path large = dir.resolve("posts-big.xml");
        generate(small, posts, imageBase, true);
        generate(large, big, imageBase, false);
        System.out.printf("generated: %d posts (%.1f MB), %d posts (%.1f MB)%n", posts, Files.size(small) / 1e6, big, Files.size(large) / 1e6);

        Map<String, String> settings = Map.of("VELLUM_DATA_DIR", dir.resolve("data").toString(), "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1",
                "VELLUM_BOOTSTRAP_TOKEN", "bench-token-0123456789abcdef");
        String pg = System.getenv("VELLUM_DATABASE_URL");
        java.util.HashMap<String, String> s = new java.util.HashMap<>(settings);
        if (pg != null) s.put("VELLUM_DATABASE_URL", pg);
        try (Vellum v = Vellum.open(VellumConfig.resolve(Map.of(), s))) {
            Importers importers = v.services().importers();
            v.services().projects().create("bench", "Bench");
            v.services().projects().create("big", "Big");
            v.services().projects().create("rows", "Rows");
            ObjectNode options = JSON.createObjectNode();

            long t0 = System.nanoTime();
            double c0 = cpu();
            ObjectNode r1 = importers.wordpress("bench", "job-1", new WxrFile(() -> Files.newInputStream(small), small.toString()), options, ImportContext.NONE);
            double first = (System.nanoTime() - t0) / 1e9;
            System.out.printf("1. WXR %d posts with %d images, end to end: %.2f s (cpu %.2f s)  counts=%s media=%s%n", posts, posts * 2, first, cpu() - c0, r1.get("counts"),
                    r1.path("media").path("fetched"));

            t0 = System.nanoTime();
            c0 = cpu();
            ObjectNode r2 = importers.wordpress("bench", "job-2", new WxrFile(() -> Files.newInputStream(small), small.toString()), options, ImportContext.NONE);
            System.out.printf("2. no-change re-run of the %d: %.2f s (cpu %.2f s)  counts=%s%n", posts, (System.nanoTime() - t0) / 1e9, cpu() - c0, r2.get("counts"));

            resetPeaks();
            t0 = System.nanoTime();
            c0 = cpu();
            ObjectNode r3 = importers.wordpress("big", "job-3", new WxrFile(() -> Files.newInputStream(large), large.toString()),
                    JSON.createObjectNode().put("media", false), ImportContext.NONE);
            System.out.printf("3. WXR %d posts, no images: %.2f s (cpu %.2f s), heap max %d MB, peak used %d MB  counts=%s%n", big, (System.nanoTime() - t0) / 1e9, cpu() - c0,
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20, r3.get("counts"));

            v.services().collections().create("rows", JSON.readTree("""
                    {"id": "items", "slug_from": "name", "fields": [
                      {"id": "name", "type": "text", "required": true}, {"id": "price", "type": "number"},
                      {"id": "active", "type": "boolean"}, {"id": "sku", "type": "text"}]}"""), null);
            ByteArrayOutputStream nd = new ByteArrayOutputStream();
            for (int i = 0; i < rows; i++) {
                nd.write(("{\"id\": " + i + ", \"name\": \"Item " + i + "\", \"price\": " + (i % 997) + ".5, \"active\": " + (i % 2 == 0)
                        + ", \"sku\": \"SKU-" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] ndjson = nd.toByteArray();
            t0 = System.nanoTime();
            c0 = cpu();
            ObjectNode r4 = importers.rows("rows", "job-4", "json", "items.ndjson", new ByteArrayInputStream(ndjson),
                    JSON.createObjectNode().put("collection", "items"), ImportContext.NONE);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = cpu() - c0;
            System.out.printf("4. JSON (NDJSON) %d rows: %.2f s = %.0f entries/s (cpu %.2f s = %.0f entries per cpu-second)  counts=%s%n", rows, secs,
                    rows / secs, cpuSecs, rows / cpuSecs, r4.get("counts"));
        } finally {
            images.stop(0);
            imagePool.shutdownNow();
        }
    }

    /** CPU seconds this process used (all threads): on a shared, loaded machine the honest companion of wall time. */
    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    static void generate(Path file, int posts, String imageBase, boolean images) throws IOException {
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Bench</title><wp:wxr_version>1.2</wp:wxr_version>
                    <wp:base_blog_url>https://bench.example/%s</wp:base_blog_url>
                    """.formatted(file.getFileName()));
            for (int a = 0; a < 3; a++) {
                w.write("<wp:author><wp:author_login>author" + a + "</wp:author_login><wp:author_display_name><![CDATA[Author " + a
                        + "]]></wp:author_display_name></wp:author>\n");
            }
            for (int c = 0; c < 20; c++) {
                w.write("<wp:category><wp:term_id>" + (100 + c) + "</wp:term_id><wp:category_nicename>cat-" + c + "</wp:category_nicename>"
                        + "<wp:category_parent>" + (c >= 5 ? "cat-" + (c % 5) : "") + "</wp:category_parent><wp:cat_name><![CDATA[Category " + c
                        + "]]></wp:cat_name></wp:category>\n");
            }
            for (int t = 0; t < 50; t++) {
                w.write("<wp:tag><wp:term_id>" + (200 + t) + "</wp:term_id><wp:tag_slug>tag-" + t + "</wp:tag_slug><wp:tag_name><![CDATA[Tag " + t
                        + "]]></wp:tag_name></wp:tag>\n");
            }
            for (int i = 1; i <= posts; i++) {
                StringBuilder html = new StringBuilder();
                html.append("<!-- wp:paragraph --><p>").append(sentence(rnd, 40)).append(" <a href=\"https://example.org/").append(i)
                        .append("\">a link</a> and <strong>").append(sentence(rnd, 4)).append("</strong>.</p><!-- /wp:paragraph -->\n");
                html.append("<!-- wp:heading --><h2>").append(sentence(rnd, 5)).append("</h2><!-- /wp:heading -->\n");
                if (images) {
                    String url = imageBase + "photo-" + i + "-a.jpg";
                    html.append("<!-- wp:image {\"id\":").append(100000 + i).append("} --><figure class=\"wp-block-image\"><img src=\"")
                            .append(url.replace(".jpg", "-1024x683.jpg")).append("\" srcset=\"").append(url).append(" 1200w, ")
                            .append(url.replace(".jpg", "-300x200.jpg")).append(" 300w\" alt=\"photo ").append(i)
                            .append("\"/><figcaption>").append(sentence(rnd, 6)).append("</figcaption></figure><!-- /wp:image -->\n");
                }
                html.append("<!-- wp:list --><ul><li>").append(sentence(rnd, 8)).append("</li><li>").append(sentence(rnd, 8))
                        .append("</li><li>").append(sentence(rnd, 8)).append("</li></ul><!-- /wp:list -->\n");
                html.append("<!-- wp:paragraph --><p>").append(sentence(rnd, 60)).append("</p><!-- /wp:paragraph -->\n");
                html.append("<!-- wp:quote --><blockquote class=\"wp-block-quote\"><p>").append(sentence(rnd, 20))
                        .append("</p></blockquote><!-- /wp:quote -->\n");
                if (images) {
                    html.append("<p><img class=\"alignnone size-medium\" src=\"").append(imageBase).append("photo-").append(i)
                            .append("-b.jpg\" alt=\"\" width=\"300\" height=\"200\" /></p>\n");
                }
                html.append("<!-- wp:paragraph --><p>").append(sentence(rnd, 50)).append("</p><!-- /wp:paragraph -->\n");
                w.write("<item><title>Post number " + i + "</title><link>https://bench.example/post-" + i + "/</link>"
                        + "<dc:creator><![CDATA[author" + (i % 3) + "]]></dc:creator>"
                        + "<content:encoded><![CDATA[" + html + "]]></content:encoded><excerpt:encoded><![CDATA[" + sentence(rnd, 12)
                        + "]]></excerpt:encoded><wp:post_id>" + i + "</wp:post_id><wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt>"
                        + "<wp:post_modified_gmt>2024-01-03 03:04:05</wp:post_modified_gmt><wp:post_name>post-" + i + "</wp:post_name>"
                        + "<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
                        + "<category domain=\"category\" nicename=\"cat-" + (i % 20) + "\"><![CDATA[Category]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"tag-" + (i % 50) + "\"><![CDATA[Tag]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"tag-" + ((i * 7) % 50) + "\"><![CDATA[Tag]]></category>"
                        + "<wp:postmeta><wp:meta_key>_edit_lock</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>"
                        + "<wp:postmeta><wp:meta_key>subtitle</wp:meta_key><wp:meta_value><![CDATA[" + sentence(rnd, 5) + "]]></wp:meta_value></wp:postmeta>"
                        + "</item>\n");
            }
            w.write("</channel></rss>\n");
        }
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        return sb.toString();
    }
}
