package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Browser;
import dev.vellum.testing.DirectusServer;
import dev.vellum.testing.TestKeys;
import dev.vellum.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Directus plugin's flow from the screens, against the real Directus the sync tests use: connect
 * (a wrong token said at the token field), pick a collection, map (a Directus field added to Vellum),
 * configure, Sync from Directus with live progress, edits on both sides, Sync to Directus finding the
 * conflicts, resolved from the conflict screen with Use Directus and with a field-by-field merge, both
 * sides checked; reconfigure; and "Create new" making the Directus collection.
 */
class AdminSyncBrowserTest {
    private static DirectusServer directus;
    private static Backend backend;
    private static TestServer server;
    private static WebDriver browser;
    private static Api root;

    @BeforeAll
    static void start() {
        browser = Browser.driver();
        directus = DirectusServer.shared();
        directus.dropUserCollections();
        backend = Backend.sqlite();
        server = new TestServer(backend, Map.of("VELLUM_SECRET_KEY", TestKeys.SECRET_KEY, "VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1"));
        root = server.admin();
        root.post("/v1/projects", Map.of("id", "site"));
        root.post("/v1/projects/site/collections", Map.of("id", "posts", "fields", List.of(Map.of("id", "title", "type", "text"),
                Map.of("id", "body", "type", "text"), Map.of("id", "views", "type", "number", "integer", true))));
        root.post("/v1/projects/site/collections", Map.of("id", "notes", "fields", List.of(Map.of("id", "title", "type", "text"))));
        directus.createCollection("articles", List.of(field("title", "string"), field("body", "text"), field("views", "integer"),
                field("subtitle", "string"),
                Map.of("field", "slug", "type", "string", "meta", Map.of("interface", "input"), "schema", Map.of("is_unique", true)),
                marker("date_created", "date-created"), marker("date_updated", "date-updated")));
        Api.Response items = directus.api().post("/items/articles", List.of(
                Map.of("slug", "a", "title", "A", "body", "a body", "views", 1, "subtitle", "first"),
                Map.of("slug", "b", "title", "B", "body", "b body", "views", 2, "subtitle", "second")));
        assertThat(items.status()).as(items.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (directus != null) directus.dropUserCollections();
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    @Test
    void theDirectusPluginFlowRunsFromTheScreensAndConflictsAreResolvedThere() {
        signIn();
        browser.get(server.base() + "/admin/p/site");
        browser.findElement(By.linkText("Directus connections")).click();

        // connect: a wrong token is said at the token field
        new Select(browser.findElement(By.id("conn-collection"))).selectByValue("posts");
        browser.findElement(By.id("conn-url")).sendKeys(directus.url());
        browser.findElement(By.id("conn-token")).sendKeys("not-the-token");
        Browser.clickAndLoad(Browser.button("Connect"));
        assertThat(browser.findElement(By.id("conn-token-error")).getText()).contains("Directus refused the token");
        assertThat(browser.findElement(By.id("conn-token")).getDomAttribute("aria-invalid")).isEqualTo("true");
        Browser.assertAccessible("Directus connect");
        browser.findElement(By.id("conn-token")).sendKeys(DirectusServer.TOKEN);
        click("Connect");

        // pick the collection, then the mapping screen with the suggestions
        browser.findElement(By.id("remote-articles")).click();
        click("Next");
        assertThat(new Select(browser.findElement(By.id("map-title"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("title");
        assertThat(new Select(browser.findElement(By.id("map-views"))).getFirstSelectedOption().getText()).contains("integer").contains("number");
        assertThat(new Select(browser.findElement(By.id("conn-slug-field"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("slug");
        browser.findElement(By.id("add-subtitle")).click();
        Browser.assertAccessible("Directus mapping");
        Browser.screenshot("sync-mapping");
        click("Configure collection");
        wait(d -> d.getCurrentUrl().matches(".*/admin/p/site/connections/[0-9A-Z]+(\\?.*)?$"));
        Browser.awaitText(".notice.ok", "Connected");
        String connection = browser.getCurrentUrl().replaceAll("\\?.*$", "");
        String trigger = browser.findElement(By.id("sync-hook")).getDomProperty("value");
        assertThat(trigger).startsWith(server.base() + "/sync-hooks/");
        assertThat(root.get("/v1/projects/site/collections/posts").json().get("fields").findValuesAsText("id")).as("the Directus field added")
                .contains("subtitle");

        // Sync from Directus, followed live to the end
        click("Sync from Directus");
        awaitRun();
        assertThat(count("created")).isEqualTo(2);
        assertThat(count("errors")).isZero();
        Browser.assertAccessible("sync run");
        Browser.screenshot("sync-run");
        JsonNode a = entry("a");
        assertThat(a.path("fields").path("title").asText()).isEqualTo("A");
        assertThat(a.path("fields").path("subtitle").asText()).isEqualTo("first");

        // both sides edit the same fields: Sync to Directus finds two conflicts and overwrites nothing
        patchEntry("a", Map.of("title", "A in Vellum"));
        patchItem(remoteId("a"), Map.of("title", "A in Directus"));
        patchEntry("b", Map.of("title", "B in Vellum", "views", 20));
        patchItem(remoteId("b"), Map.of("title", "B in Directus", "views", 200));
        browser.get(connection);
        click("Sync to Directus");
        awaitRun();
        assertThat(count("conflicts")).isEqualTo(2);
        assertThat(item("a").path("title").asText()).isEqualTo("A in Directus");
        browser.findElement(By.linkText("Resolve the conflicts")).click();
        WebElement conflictA = section("a");
        assertThat(conflictA.findElement(By.cssSelector("tr.changed")).getText()).contains("A in Vellum").contains("A in Directus").contains("A");
        Browser.assertAccessible("sync conflicts");
        Browser.screenshot("sync-conflicts");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("the conflict screen fits a phone's width").isTrue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        conflictA = section("a");

        // a: Use Directus, on both sides
        conflictA.findElement(By.xpath(".//button[normalize-space(text())='Use Directus']")).click();
        Browser.awaitText(".notice.ok", "resolved");
        assertThat(entry("a").path("fields").path("title").asText()).isEqualTo("A in Directus");
        assertThat(item("a").path("title").asText()).isEqualTo("A in Directus");

        // b: merged field by field: the title from Vellum, the views from Directus
        WebElement conflictB = section("b");
        conflictB.findElement(By.cssSelector("input[id$='-views-d']")).click();
        conflictB.findElement(By.xpath(".//button[normalize-space(text())='Merge as picked']")).click();
        Browser.awaitText(".notice.ok", "merged");
        assertThat(browser.findElements(By.cssSelector("section.conflict"))).isEmpty();
        JsonNode b = entry("b").path("fields");
        assertThat(b.path("title").asText()).isEqualTo("B in Vellum");
        assertThat(b.path("views").asInt()).isEqualTo(200);
        assertThat(item("b").path("title").asText()).isEqualTo("B in Vellum");
        assertThat(item("b").path("views").asInt()).isEqualTo(200);
        assertThat(root.get("/v1/projects/site/connections/" + connectionId(connection) + "/conflicts").json().path("data")).isEmpty();

        // reconfigure: views ignored from now on
        browser.get(connection);
        browser.findElement(By.linkText("Reconfigure")).click();
        browser.findElement(By.linkText("Ask Directus again")).click();
        new Select(browser.findElement(By.id("map-views"))).selectByValue("");
        Browser.assertAccessible("Directus reconfigure");
        click("Save configuration");
        Browser.awaitText(".notice.ok", "saved");
        assertThat(browser.findElement(By.cssSelector("ul.mapped")).getText()).contains("views \u2014 ignored");
        Browser.assertAccessible("Directus connection");
        Browser.screenshot("sync-connection");
    }

    @Test
    void createNewMakesTheDirectusCollectionFromTheVellumFields() {
        root.post("/v1/projects/site/collections/notes/entries", Map.of("slug", "hello", "fields", Map.of("title", "Hello")));
        signIn();
        browser.get(server.base() + "/admin/p/site/connections");
        new Select(browser.findElement(By.id("conn-collection"))).selectByValue("notes");
        browser.findElement(By.id("conn-url")).sendKeys(directus.url());
        browser.findElement(By.id("conn-token")).sendKeys(DirectusServer.TOKEN);
        click("Connect");
        browser.findElement(By.id("remote-new")).click();
        WebElement name = browser.findElement(By.id("remote-new-name"));
        name.clear();
        name.sendKeys("vellum_notes");
        click("Next");
        Browser.awaitText(".notice.ok", "Created the Directus collection");
        click("Sync to Directus");
        awaitRun();
        assertThat(count("created")).isEqualTo(1);
        JsonNode items = directus.api().get("/items/vellum_notes").json().path("data");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("title").asText()).isEqualTo("Hello");
        assertThat(items.get(0).path("slug").asText()).isEqualTo("hello");
    }

    private static Map<String, Object> field(String name, String type) {
        return Map.of("field", name, "type", type, "meta", Map.of("interface", "input"), "schema", Map.of());
    }

    private static Map<String, Object> marker(String name, String special) {
        return Map.of("field", name, "type", "timestamp", "meta", Map.of("special", List.of(special), "interface", "datetime"), "schema", Map.of());
    }

    private static void awaitRun() {
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.getCurrentUrl().contains("/runs/") && List.of("done", "failed")
                        .contains(d.findElement(By.cssSelector("[data-poll-status]")).getText()));
        assertThat(browser.findElement(By.cssSelector("[data-poll-status]")).getText()).isEqualTo("done");
    }

    private static int count(String name) {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-count=" + name + "]")).getText());
    }

    private static WebElement section(String slug) {
        return browser.findElement(By.xpath("//section[contains(@class, 'conflict')][h2[normalize-space(text())='" + slug + "']]"));
    }

    private static String connectionId(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static JsonNode entry(String slug) {
        return root.get("/v1/projects/site/collections/posts/entries?filter=" + java.net.URLEncoder.encode("slug = \"" + slug + "\"",
                java.nio.charset.StandardCharsets.UTF_8)).json().path("data").path(0);
    }

    private static void patchEntry(String slug, Map<String, Object> fields) {
        Api.Response r = root.patch("/v1/projects/site/collections/posts/entries/" + entry(slug).path("id").asText(), Map.of("fields", fields));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String remoteId(String slug) {
        return directus.api().get("/items/articles?filter[slug][_eq]=" + slug).json().path("data").path(0).path("id").asText();
    }

    private static JsonNode item(String slug) {
        return directus.api().get("/items/articles/" + remoteId(slug)).json().path("data");
    }

    private static void patchItem(String id, Map<String, Object> data) {
        Api.Response r = directus.api().patch("/items/articles/" + id, data);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        browser.findElement(By.id("token")).sendKeys(Backend.ADMIN_TOKEN);
        click("Sign in");
        wait(d -> d.getCurrentUrl().endsWith("/admin/projects"));
    }

    private static void click(String text) {
        browser.findElement(By.xpath("//button[normalize-space(text())='" + text + "']")).click();
    }

    private static void wait(java.util.function.Function<WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(until::apply);
    }
}
