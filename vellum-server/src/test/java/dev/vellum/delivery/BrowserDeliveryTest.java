package dev.vellum.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real headless Chromium loads pages from another origin (a second loopback server) that call
 * Vellum with fetch and EventSource: CORS preflights, a read token, revalidation with If-None-Match,
 * GraphQL, a stream ticket, and a preview page that reads a draft with a preview token. A page on an
 * origin the project does not list is blocked by the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserDeliveryTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Backend backend;
    private TestServer vellum;
    private HttpServer allowedSite;
    private HttpServer otherSite;
    private final Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private String p;
    private String readToken;
    private String previewToken;
    private String draftId;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed (.ci/chromium.sh installs it): browser test skipped");
        backend = Backend.sqlite();
        vellum = new TestServer(backend);
        allowedSite = site();
        otherSite = site();
        p = "browser-" + Long.toHexString(System.nanoTime());
        Api admin = vellum.project(p, "admin");
        String base = "/v1/projects/" + p;
        assertThat(admin.post(base + "/collections", Map.of("id", "posts", "fields", List.of(Map.of("id", "title", "type", "text")))).status())
                .isEqualTo(201);
        admin.post(base + "/collections/posts/entries", Map.of("slug", "a", "fields", Map.of("title", "Alpha")));
        admin.post(base + "/collections/posts/entries", Map.of("slug", "b", "fields", Map.of("title", "Beta")));
        draftId = admin.post(base + "/collections/posts/entries", Map.of("slug", "c", "draft", true, "fields", Map.of("title", "Draft gamma")))
                .json().get("id").asText();
        assertThat(admin.patch(base, Map.of("cors_origins", List.of(origin(allowedSite)))).status()).isEqualTo(200);
        readToken = vellum.admin().post(base + "/tokens", Map.of("name", "site", "scope", "read")).json().get("token").asText();
        previewToken = admin.post(base + "/preview-tokens", Map.of("collection", "posts", "entry", draftId, "ttl_seconds", 600))
                .json().get("token").asText();
        pages.put("/site.html", sitePage());
        pages.put("/preview.html", previewPage());
    }

    @AfterAll
    void stop() {
        if (allowedSite != null) allowedSite.stop(0);
        if (otherSite != null) otherSite.stop(0);
        if (vellum != null) vellum.close();
        if (backend != null) backend.close();
    }

    @Test
    void aPageOnAListedOriginReadsEntriesGraphqlAndTheStreamWithAReadToken() throws Exception {
        String dom = render(origin(allowedSite) + "/site.html");
        assertThat(text(dom, "list")).isEqualTo("200 Alpha,Beta");
        assertThat(text(dom, "etag")).isEqualTo("304");
        assertThat(text(dom, "gql")).isEqualTo("Alpha,Beta");
        assertThat(text(dom, "stream")).isEqualTo("event Alpha");
    }

    @Test
    void aPageOnAnOriginTheProjectDoesNotListIsBlockedByTheBrowser() throws Exception {
        String dom = render(origin(otherSite) + "/site.html");
        assertThat(text(dom, "list")).startsWith("error TypeError");
        assertThat(text(dom, "gql")).startsWith("error TypeError");
        assertThat(dom).doesNotContain("Alpha");
    }

    @Test
    void aPreviewPageReadsTheDraftWithAPreviewToken() throws Exception {
        String dom = render(origin(allowedSite) + "/preview.html");
        assertThat(text(dom, "draft")).isEqualTo("200 Draft gamma true");
        assertThat(text(dom, "public")).isEqualTo("404"); // the site's read token cannot see the draft
        assertThat(text(dom, "outside")).isEqualTo("403 preview_scope");
    }

    private String sitePage() {
        return page("""
                <pre id="list">pending</pre><pre id="etag">pending</pre><pre id="gql">pending</pre><pre id="stream">pending</pre>
                <script>
                const auth = {Authorization: "Bearer " + TOKEN};
                const list = API + "/v1/projects/" + P + "/collections/posts/entries?sort=slug";
                const show = (id, text) => document.getElementById(id).textContent = text;
                fetch(list, {headers: auth}).then(async r => {
                  const body = await r.json();
                  show("list", r.status + " " + body.data.map(e => e.fields.title).join(","));
                  const again = await fetch(list, {headers: {...auth, "If-None-Match": r.headers.get("ETag")}, cache: "no-store"});
                  show("etag", String(again.status));
                }).catch(e => { show("list", "error " + e); show("etag", "error " + e); });
                fetch(API + "/v1/projects/" + P + "/graphql", {method: "POST", headers: {...auth, "Content-Type": "application/json"},
                    body: JSON.stringify({query: "{ posts(sort: \\"slug\\") { data { title } } }"})})
                  .then(r => r.json()).then(j => show("gql", j.data.posts.data.map(e => e.title).join(",")))
                  .catch(e => show("gql", "error " + e));
                fetch(API + "/v1/projects/" + P + "/stream-tickets", {method: "POST", headers: auth}).then(r => r.json()).then(t => {
                  const es = new EventSource(API + t.url + "&since=0");
                  es.addEventListener("entry.created", ev => { show("stream", "event " + JSON.parse(ev.data).data.fields.title); es.close(); });
                  es.onerror = () => { if (document.getElementById("stream").textContent === "pending") show("stream", "stream error"); es.close(); };
                }).catch(e => show("stream", "error " + e));
                </script>""", readToken);
    }

    private String previewPage() {
        return page("""
                <pre id="draft">pending</pre><pre id="public">pending</pre><pre id="outside">pending</pre>
                <script>
                const show = (id, text) => document.getElementById(id).textContent = text;
                const entry = API + "/v1/projects/" + P + "/collections/posts/entries/" + DRAFT;
                fetch(entry, {headers: {Authorization: "Bearer " + TOKEN}}).then(async r => {
                  const e = await r.json();
                  show("draft", r.status + " " + e.fields.title + " " + e.draft);
                }).catch(e => show("draft", "error " + e));
                fetch(entry, {headers: {Authorization: "Bearer " + READ}}).then(r => show("public", String(r.status)))
                  .catch(e => show("public", "error " + e));
                fetch(API + "/v1/projects/" + P + "/collections/posts/entries", {headers: {Authorization: "Bearer " + TOKEN}})
                  .then(async r => show("outside", r.status + " " + (await r.json()).code)).catch(e => show("outside", "error " + e));
                </script>""", previewToken);
    }

    private String page(String body, String token) {
        String head = "<!doctype html><html><head><meta charset=\"utf-8\"><script>const API = \"" + vellum.base() + "\", P = \"" + p
                + "\", TOKEN = \"" + token + "\", READ = \"" + readToken + "\", DRAFT = \"" + draftId + "\";</script></head><body>";
        return head + body + "</body></html>";
    }

    private HttpServer site() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        s.createContext("/", exchange -> {
            try (exchange) {
                String page = pages.get(exchange.getRequestURI().getPath());
                byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        s.start();
        return s;
    }

    private static String origin(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    /** The page's DOM after its scripts ran (virtual time lets fetches and the stream finish first). */
    private static String render(String url) throws Exception {
        Path profile = Files.createTempDirectory("vellum-chromium-");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=15000", "--dump-dom", url));
        Process chromium = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = chromium.getInputStream().readAllBytes();
            assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            chromium.destroyForcibly();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("<pre id=\"" + id + "\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("element #" + id + " in " + dom).isTrue();
        return m.group(1).replace("&amp;", "&").strip();
    }
}
