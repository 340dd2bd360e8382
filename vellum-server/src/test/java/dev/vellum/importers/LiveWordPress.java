package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * A real WordPress (Debian's package, PHP's built-in server, the machine's MariaDB), set up once per
 * test run as ../shared/WORDPRESS.md measured it and populated through WordPress's own REST API. Tests
 * skip, saying why, where PHP, WordPress or MariaDB is missing (.ci/wordpress.sh installs them).
 */
public final class LiveWordPress {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LiveWordPress instance;
    private static String unavailable;

    private final Path run;
    private final int port;
    private final String database;
    private final String appPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> ids = new HashMap<>();
    private Process server;

    private LiveWordPress(Path run, int port, String appPassword) {
        this.run = run;
        this.port = port;
        this.database = "wp_local_" + port;
        this.appPassword = appPassword;
    }

    /** The one WordPress of this test run (started on first use, stopped when the JVM exits). */
    public static synchronized LiveWordPress get() {
        if (unavailable != null) Assumptions.abort(unavailable);
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                unavailable = "no live WordPress: " + e.getMessage();
                Assumptions.abort(unavailable);
            }
        }
        return instance;
    }

    private static LiveWordPress start() throws Exception {
        Path tree = Path.of("/usr/share/wordpress");
        if (!Files.isRegularFile(tree.resolve("wp-settings.php"))) throw new IllegalStateException("Debian's wordpress package is not installed (.ci/wordpress.sh)");
        if (exec(List.of("php", "-r", "exit(function_exists('mysqli_connect') ? 0 : 1);"), null) != 0) {
            throw new IllegalStateException("php-cli with php-mysql is not installed (.ci/wordpress.sh)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String db = "wp_local_" + port;
        if (exec(List.of("mariadb", "-h", "127.0.0.1", "-u", "root", "-e",
                "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"), null) != 0) {
            throw new IllegalStateException("MariaDB does not let root in on 127.0.0.1:3306");
        }
        Path run = Files.createTempDirectory("vellum-wp-");
        Path docroot = run.resolve("docroot");
        if (exec(List.of("cp", "-rL", tree.toString(), docroot.toString()), null) != 0) throw new IllegalStateException("cannot copy the WordPress tree");
        Files.deleteIfExists(docroot.resolve("wp-config.php"));
        Files.deleteIfExists(docroot.resolve(".htaccess"));
        String base = "http://127.0.0.1:" + port;
        Files.writeString(docroot.resolve("wp-config.php"), resource("wp-config.php").replace("@DB@", db).replace("@BASE@", base));
        Files.createDirectories(docroot.resolve("wp-content/mu-plugins"));
        Files.writeString(docroot.resolve("wp-content/mu-plugins/local.php"), "<?php add_filter('pre_wp_mail', '__return_false');\n");
        Files.writeString(run.resolve("router.php"), resource("router.php"));
        Files.writeString(run.resolve("wp-install.php"), resource("wp-install.php"));
        Process install = new ProcessBuilder("php", run.resolve("wp-install.php").toString(), docroot.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) throw new IllegalStateException("wp_install failed: " + out);
        String[] lines = out.split("\n");
        LiveWordPress wp = new LiveWordPress(run, port, lines[lines.length - 1].strip());
        Runtime.getRuntime().addShutdownHook(new Thread(wp::destroy));
        wp.serve();
        wp.populate();
        return wp;
    }

    /** Starts (or restarts) PHP's built-in server and waits until WordPress answers. */
    public synchronized void serve() throws Exception {
        if (server != null && server.isAlive()) return;
        ProcessBuilder pb = new ProcessBuilder("php", "-d", "opcache.enable_cli=1", "-d", "upload_max_filesize=64M", "-d", "post_max_size=64M",
                "-S", "127.0.0.1:" + port, "-t", run.resolve("docroot").toString(), run.resolve("router.php").toString());
        pb.environment().put("PHP_CLI_SERVER_WORKERS", "4");
        pb.redirectErrorStream(true).redirectOutput(run.resolve("server.log").toFile());
        server = pb.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/?rest_route=/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("php -S did not answer within 30 s (see " + run.resolve("server.log") + ")");
    }

    /** Stops the server (and its workers): the site is gone until {@link #serve()}. */
    public synchronized void stopServing() {
        if (server == null) return;
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server = null;
    }

    private void destroy() {
        stopServing();
        try {
            exec(List.of("mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "DROP DATABASE IF EXISTS " + database), null);
            exec(List.of("rm", "-rf", run.toString()), null);
        } catch (Exception ignored) {
            // best effort at exit
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String user() {
        return "admin";
    }

    public String appPassword() {
        return appPassword;
    }

    /** Ids of what {@link #populate} made, by name (e.g. "post:block", "media:photo1", "category:europe"). */
    public long id(String name) {
        return ids.get(name);
    }

    private void populate() throws Exception {
        long photo1 = upload("photo1.jpg", jpeg(1200, 800, Color.ORANGE), "An orange photo");
        long photo2 = upload("photo2.jpg", jpeg(900, 600, Color.BLUE), "A blue photo");
        ids.put("media:photo1", photo1);
        ids.put("media:photo2", photo2);
        String url1 = get("/wp/v2/media/" + photo1).get("source_url").asText();
        String url2 = get("/wp/v2/media/" + photo2).get("source_url").asText();
        long news = post("/wp/v2/categories", Map.of("name", "News")).get("id").asLong();
        long world = post("/wp/v2/categories", Map.of("name", "World", "parent", news)).get("id").asLong();
        long europe = post("/wp/v2/categories", Map.of("name", "Europe", "parent", world)).get("id").asLong();
        ids.put("category:news", news);
        ids.put("category:world", world);
        ids.put("category:europe", europe);
        long java = post("/wp/v2/tags", Map.of("name", "Java")).get("id").asLong();
        long cms = post("/wp/v2/tags", Map.of("name", "CMS")).get("id").asLong();
        String block = """
                <!-- wp:paragraph --><p>A <strong>block</strong> post with an image.</p><!-- /wp:paragraph -->
                <!-- wp:image {"id":%d,"sizeSlug":"large"} --><figure class="wp-block-image size-large"><img src="%s" alt="An orange photo" class="wp-image-%d"/><figcaption>Orange</figcaption></figure><!-- /wp:image -->
                """.formatted(photo1, url1, photo1);
        JsonNode blockPost = post("/wp/v2/posts", Map.of("title", "Block post", "status", "publish", "content", block,
                "categories", List.of(europe), "tags", List.of(java, cms), "featured_media", photo2, "sticky", true, "excerpt", "Block excerpt"));
        ids.put("post:block", blockPost.get("id").asLong());
        String classic = "First line\nsecond line\n\n<img class=\"alignnone\" src=\"" + url2 + "\" alt=\"A blue photo\" width=\"900\" height=\"600\" />\n\n"
                + "See <a href=\"" + blockPost.get("link").asText() + "\">the block post</a>.";
        ids.put("post:classic", post("/wp/v2/posts", Map.of("title", "Classic post", "status", "publish", "content", classic,
                "categories", List.of(news), "tags", List.of(cms))).get("id").asLong());
        ids.put("post:draft", post("/wp/v2/posts", Map.of("title", "Draft post", "status", "draft", "content", "<p>not yet</p>")).get("id").asLong());
        ids.put("post:private", post("/wp/v2/posts", Map.of("title", "Private post", "status", "private", "content", "<p>secret</p>")).get("id").asLong());
        String future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        ids.put("post:scheduled", post("/wp/v2/posts", Map.of("title", "Scheduled post", "status", "future", "date_gmt", future,
                "content", "<p>later</p>")).get("id").asLong());
        long parent = post("/wp/v2/pages", Map.of("title", "Parent page", "status", "publish", "content", "<p>parent</p>")).get("id").asLong();
        ids.put("page:parent", parent);
        ids.put("page:child", post("/wp/v2/pages", Map.of("title", "Child page", "status", "publish", "content", "<p>child</p>", "parent", parent))
                .get("id").asLong());
    }

    /** Creates or changes something through the REST API (tests use it to change the site between runs). */
    public JsonNode post(String route, Map<String, ?> body) throws Exception {
        HttpResponse<String> r = http.send(request(route).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("POST " + route + " → " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    public JsonNode get(String route) throws Exception {
        HttpResponse<String> r = http.send(request(route).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + route + " → " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private long upload(String filename, byte[] bytes, String alt) throws Exception {
        HttpResponse<String> r = http.send(request("/wp/v2/media").header("Content-Type", "image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("upload " + filename + " → " + r.statusCode() + " " + r.body());
        long id = JSON.readTree(r.body()).get("id").asLong();
        post("/wp/v2/media/" + id, Map.of("alt_text", alt));
        return id;
    }

    private HttpRequest.Builder request(String route) {
        String auth = Base64.getEncoder().encodeToString((user() + ":" + appPassword).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base() + "/wp-json" + route)).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + auth);
    }

    static byte[] jpeg(int w, int h, Color color) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("vellum " + w + "x" + h, 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LiveWordPress.class.getResourceAsStream("/wordpress/" + name)) {
            if (in == null) throw new IOException("test resource /wordpress/" + name + " missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int exec(List<String> command, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) pb.directory(dir.toFile());
        try {
            Process p = pb.start();
            return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1; // the command is not installed
        }
    }
}
