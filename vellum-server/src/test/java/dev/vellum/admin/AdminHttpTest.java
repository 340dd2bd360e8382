package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's session and CSRF rules at the HTTP level, where a browser would hide them. */
class AdminHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static Backend backend;
    private static TestServer server;

    @BeforeAll
    static void start() {
        backend = Backend.sqlite();
        server = new TestServer(backend);
    }

    @AfterAll
    static void stop() {
        server.close();
        backend.close();
    }

    @Test
    void signInSetsAStrictHttpOnlySessionCookieAndNeedsTheFormsOwnToken() throws Exception {
        var form = get("/admin/sign-in", null);
        String pre = cookie(form, "vellum_admin_pre");
        assertThat(post("/admin/sign-in", "vellum_admin_pre=" + pre, "_csrf=wrong&token=" + Backend.ADMIN_TOKEN).statusCode())
                .as("login CSRF: the form's token must match its cookie").isEqualTo(403);
        var ok = post("/admin/sign-in", "vellum_admin_pre=" + pre, "_csrf=" + csrf(form) + "&token=" + Backend.ADMIN_TOKEN);
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vellum_admin=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/admin")
                .doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires");
        assertThat(ok.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin").doesNotContain(Backend.ADMIN_TOKEN);
    }

    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenChangesNothing() throws Exception {
        String session = "vellum_admin=" + Backend.ADMIN_TOKEN;
        var page = get("/admin/projects", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(post("/admin/projects", session, "id=forged").statusCode()).isEqualTo(403);
        assertThat(post("/admin/projects", session, "_csrf=nope&id=forged").statusCode()).isEqualTo(403);
        assertThat(server.admin().get("/v1/projects/forged").status()).isEqualTo(404);
        assertThat(post("/admin/projects", session, "_csrf=" + csrf(page) + "&id=real").statusCode()).isEqualTo(303);
        assertThat(server.admin().get("/v1/projects/real").status()).isEqualTo(200);
    }

    @Test
    void directusConnectionScreensNeedAdminScopeAndTheCsrfTokenAndSayWhatIsWrong() throws Exception {
        server.admin().post("/v1/projects", java.util.Map.of("id", "conn"));
        server.admin().post("/v1/projects/conn/collections", java.util.Map.of("id", "posts",
                "fields", java.util.List.of(java.util.Map.of("id", "title", "type", "text"))));
        var write = server.admin().post("/v1/projects/conn/tokens", java.util.Map.of("name", "editor", "scope", "write"));
        String editor = "vellum_admin=" + write.json().get("token").asText();
        assertThat(get("/admin/p/conn/connections", editor).statusCode()).as("write scope: no connections").isEqualTo(403);
        String session = "vellum_admin=" + Backend.ADMIN_TOKEN;
        var page = get("/admin/p/conn/connections", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connect a collection to Directus").contains("name=\"token\" type=\"password\"");
        String form = "collection=posts&url=" + URLEncoder.encode("http://127.0.0.1:9", StandardCharsets.UTF_8) + "&token=secret-token";
        assertThat(post("/admin/p/conn/connections/connect", session, form).statusCode()).as("no CSRF token").isEqualTo(403);
        var refused = post("/admin/p/conn/connections/connect", session, "_csrf=" + csrf(page) + "&" + form);
        assertThat(refused.statusCode()).as("a loopback Directus without the allow-list: said at the URL").isEqualTo(422);
        assertThat(refused.body()).contains("id=\"conn-url-error\"").contains("aria-invalid=\"true\"").doesNotContain("secret-token");
        var forged = post("/admin/p/conn/connections/pick", session, "_csrf=" + csrf(page)
                + "&collection=posts&url=http%3A%2F%2Fexample.org&sealed=v1%3Aforged%3AAAAA&remote=articles");
        assertThat(forged.statusCode()).as("a sealed token that does not open").isEqualTo(400);
        assertThat(server.admin().get("/v1/projects/conn/connections").json().get("data")).isEmpty();
    }

    @Test
    void theFieldEditorKeepsAndChangesWhetherAFieldIsSearchable() throws Exception {
        server.admin().post("/v1/projects", java.util.Map.of("id", "srch"));
        assertThat(server.admin().post("/v1/projects/srch/collections", java.util.Map.of("id", "posts", "fields", java.util.List.of(
                java.util.Map.of("id", "title", "type", "text", "searchable", false), java.util.Map.of("id", "body", "type", "text")))).status())
                .isEqualTo(201);
        String session = "vellum_admin=" + Backend.ADMIN_TOKEN;
        var page = get("/admin/p/srch/c/posts/schema", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("id=\"f-title-searchable\"(?![^>]*checked)").containsPattern("id=\"f-body-searchable\"[^>]*checked");
        // saving the title with a new label (the box left unticked) keeps it out of search
        var saved = post("/admin/p/srch/c/posts/schema/fields/title", session,
                "_csrf=" + csrf(page) + "&op=save&id=title&name=Headline&type=text");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        var fields = server.admin().get("/v1/projects/srch/collections/posts").json().get("fields");
        assertThat(fields.get(0).path("name").asText()).isEqualTo("Headline");
        assertThat(fields.get(0).path("searchable").asBoolean(true)).isFalse();
        // ticking it puts the field back into search
        var ticked = post("/admin/p/srch/c/posts/schema/fields/title", session,
                "_csrf=" + csrf(page) + "&op=save&id=title&name=Headline&type=text&searchable=on");
        assertThat(ticked.statusCode()).as(ticked.body()).isEqualTo(303);
        assertThat(server.admin().get("/v1/projects/srch/collections/posts").json().get("fields").get(0).has("searchable")).isFalse();
    }

    @Test
    void pagesEscapeWhatUsersTyped() throws Exception {
        server.admin().post("/v1/projects", java.util.Map.of("id", "esc", "name", "<script>alert(1)</script>"));
        var page = get("/admin/projects", "vellum_admin=" + Backend.ADMIN_TOKEN);
        assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow()
                .split(";")[0].substring(name.length() + 1);
    }
}
