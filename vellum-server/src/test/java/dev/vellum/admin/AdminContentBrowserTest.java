package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Browser;
import dev.vellum.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Designing a schema, editing entries and working the entries table in a real headless Chromium. */
class AdminContentBrowserTest {
    private static Backend backend;
    private static TestServer server;
    private static WebDriver browser;
    private static Api root;

    @BeforeAll
    static void start() {
        browser = Browser.driver();
        backend = Backend.sqlite();
        server = new TestServer(backend);
        root = server.admin();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    @Test
    void designACollectionWithFieldsOfEveryKind() {
        project("design");
        root.post("/v1/projects/design/collections", Map.of("id", "categories", "slug_from", "title",
                "fields", List.of(Map.of("id", "title", "type", "text"))));
        signIn();
        browser.get(server.base() + "/admin/p/design");
        browser.findElement(By.linkText("New collection")).click();
        browser.findElement(By.id("collection-id")).sendKeys("posts");
        browser.findElement(By.id("collection-name")).sendKeys("Blog posts");
        click("Create collection");
        waitForUrl("/admin/p/design/c/posts/schema");

        addField("body", "rich_text", Map.of());
        addField("views", "number", Map.of("new-integer", "check", "new-min", "0", "new-default", "0", "new-help", "How often it was read"));
        addField("status", "enum", Map.of("new-options", "draft\nlive", "new-default", "live"));
        addField("tags", "multi_enum", Map.of("new-options", "java\ncms"));
        addField("cover", "image", Map.of());
        addField("attachment", "file", Map.of());
        addField("published", "date", Map.of());
        addField("accent", "color", Map.of("new-default", "#336699"));
        addField("site", "link", Map.of());
        addField("featured", "boolean", Map.of());
        addField("category", "reference", Map.of("new-collection", "categories"));
        addField("related", "references", Map.of("new-collection", "posts"));
        addField("gallery", "array", Map.of("new-of", "image"));
        JsonNode schema = root.get("/v1/projects/design/collections/posts").json();
        assertThat(ids(schema)).containsExactly("title", "body", "views", "status", "tags", "cover", "attachment", "published",
                "accent", "site", "featured", "category", "related", "gallery");
        JsonNode views = schema.get("fields").get(2);
        assertThat(views.get("integer").asBoolean()).isTrue();
        assertThat(views.get("min").asDouble()).isEqualTo(0.0);
        assertThat(views.get("help").asText()).isEqualTo("How often it was read");
        assertThat(views.get("default").asInt()).isEqualTo(0);
        assertThat(schema.get("fields").get(11).get("collection").asText()).isEqualTo("categories");
        assertThat(schema.get("fields").get(13).get("of").get("type").asText()).isEqualTo("image");

        // rename, then reorder
        openField("views");
        WebElement id = browser.findElement(By.id("f-views-id"));
        id.clear();
        id.sendKeys("reads");
        browser.findElement(By.cssSelector("#field-views button[value=save]")).click();
        Browser.awaitText(".notice.ok", "saved");
        openField("status");
        browser.findElement(By.cssSelector("#field-status button[value=up]")).click();
        Browser.awaitText(".notice.ok", "moved up");
        assertThat(ids(root.get("/v1/projects/design/collections/posts").json()))
                .startsWith("title", "body", "status", "reads").doesNotContain("views");

        // a bad option is refused with the server's message, nothing changed
        addField("broken", "enum", Map.of());
        Browser.awaitText(".notice.error", "options");
        assertThat(ids(root.get("/v1/projects/design/collections/posts").json())).doesNotContain("broken");

        browser.get(server.base() + "/admin/p/design/c/posts/schema");
        Browser.assertAccessible("schema designer");
        Browser.screenshot("schema");
    }

    @Test
    void aLossyChangeIsRefusedWithTheAffectedEntriesThenResolved() {
        project("lossy");
        root.post("/v1/projects/lossy/collections", Map.of("id", "notes", "fields",
                List.of(Map.of("id", "title", "type", "text"), Map.of("id", "note", "type", "text"))));
        String kept = root.post("/v1/projects/lossy/collections/notes/entries", Map.of("fields", Map.of("title", "a", "note", "keep me")))
                .json().get("id").asText();
        signIn();
        browser.get(server.base() + "/admin/p/lossy/c/notes/schema");
        openField("note");
        browser.findElement(By.cssSelector("#field-note button[value=remove]")).click();
        WebElement conflict = new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("section.conflict")));
        assertThat(conflict.getText()).contains("note").contains(kept).contains("discard");
        assertThat(ids(root.get("/v1/projects/lossy/collections/notes").json())).as("nothing changed yet").contains("note");
        Browser.assertAccessible("schema conflict");
        Browser.screenshot("schema-conflict");

        assertThat(browser.findElement(By.id("r-note-discard")).isSelected()).isTrue();
        click("Apply the change");
        Browser.awaitText(".notice.ok", "resolved");
        assertThat(ids(root.get("/v1/projects/lossy/collections/notes").json())).containsExactly("title");
    }

    @Test
    void createAndEditAnEntryWithRichTextDefaultsPickersAndTheBrowsersZone() {
        project("edit");
        root.post("/v1/projects/edit/collections", Map.of("id", "categories", "slug_from", "title",
                "fields", List.of(Map.of("id", "title", "type", "text"))));
        String gadgets = root.post("/v1/projects/edit/collections/categories/entries", Map.of("fields", Map.of("title", "Gadgets")))
                .json().get("id").asText();
        root.post("/v1/projects/edit/collections", Map.of("id", "posts", "slug_from", "title", "fields", List.of(
                Map.of("id", "title", "type", "text", "required", true, "max_length", 120),
                Map.of("id", "body", "type", "rich_text"),
                Map.of("id", "views", "type", "number", "integer", true, "default", 5, "help", "Starts at five"),
                Map.of("id", "status", "type", "enum", "options", List.of("draft", "live"), "default", "live"),
                Map.of("id", "cover", "type", "image"),
                Map.of("id", "published", "type", "date"),
                Map.of("id", "accent", "type", "color"),
                Map.of("id", "category", "type", "reference", "collection", "categories"))));
        signIn();
        browser.get(server.base() + "/admin/p/edit/c/posts/new");
        assertThat(browser.findElement(By.id("f-views")).getDomProperty("value")).as("prepopulated from the default").isEqualTo("5");
        assertThat(browser.findElement(By.id("f-views-help")).getText()).isEqualTo("Starts at five");
        assertThat(new Select(browser.findElement(By.id("f-status"))).getFirstSelectedOption().getText()).isEqualTo("live");

        Browser.clickAndLoad(Browser.button("Create entry")); // the title is required
        assertThat(browser.findElement(By.id("f-title-error")).getText()).contains("required");
        assertThat(browser.findElement(By.id("f-title")).getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("f-title")).sendKeys("Hello admin");
        WebElement editor = browser.findElement(By.id("f-body-editor"));
        editor.click();
        editor.sendKeys("Plain and ");
        browser.findElement(By.cssSelector("[data-cmd=bold]")).click();
        editor.sendKeys("bold");
        browser.findElement(By.cssSelector("[data-cmd=bold]")).click();
        editor.sendKeys(" text.");
        browser.findElement(By.id("f-cover")).sendKeys("https://images.example.com/cat.png");
        browser.findElement(By.id("f-cover-alt")).sendKeys("A cat");
        js("arguments[0].value = '2026-03-01T10:30'", browser.findElement(By.id("f-published")));
        browser.findElement(By.id("f-accent")).sendKeys("#aa3300");
        WebElement search = browser.findElement(By.id("f-category-search"));
        search.sendKeys("gad");
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(By.cssSelector("#f-category-search-list option")).isEmpty());
        search.clear();
        search.sendKeys(gadgets);
        assertThat(browser.findElement(By.id("f-category")).getDomProperty("value")).isEqualTo(gadgets);
        Browser.assertAccessible("entry form");
        Browser.screenshot("entry-form");
        click("Create entry");
        Browser.awaitText(".notice.ok", "created");

        JsonNode entry = root.get("/v1/projects/edit/collections/posts/entries?filter=" + enc("title = \"Hello admin\"")).json().get("data").get(0);
        JsonNode f = entry.get("fields");
        assertThat(f.get("views").asInt()).isEqualTo(5);
        assertThat(f.get("status").asText()).isEqualTo("live");
        assertThat(f.get("cover").get("alt").asText()).isEqualTo("A cat");
        assertThat(f.get("published").asText()).as("10:30 in New York is 15:30 UTC").startsWith("2026-03-01T15:30");
        assertThat(f.get("accent").asText()).isEqualTo("#aa3300");
        assertThat(f.get("category").asText()).isEqualTo(gadgets);
        assertThat(f.get("body").toString()).contains("bold").contains("\"type\":\"bold\"");
        assertThat(entry.get("draft").asBoolean()).as("new entries start as drafts").isTrue();

        // the date shows in the browser's zone again; an edit is saved as the next version
        assertThat(browser.findElement(By.id("f-published")).getDomProperty("value")).isEqualTo("2026-03-01T10:30");
        WebElement title = browser.findElement(By.id("f-title"));
        title.clear();
        title.sendKeys("Hello again");
        browser.findElement(By.id("draft")).click();
        click("Save");
        Browser.awaitText(".notice.ok", "Saved");
        JsonNode saved = root.get("/v1/projects/edit/collections/posts/entries/" + entry.get("id").asText()).json();
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        assertThat(saved.get("draft").asBoolean()).isFalse();
        assertThat(saved.get("fields").get("title").asText()).isEqualTo("Hello again");
        assertThat(saved.get("fields").get("body").toString()).as("rich text survives an edit").contains("\"type\":\"bold\"");

        // a preview link from the collection's URL template
        browser.get(server.base() + "/admin/p/edit/c/posts/schema");
        browser.findElement(By.id("c-preview")).sendKeys("https://site.example.com/blog/{slug}?v={views}");
        click("Save settings");
        Browser.awaitText(".notice.ok", "settings saved");
        browser.get(server.base() + "/admin/p/edit/c/posts/e/" + entry.get("id").asText());
        assertThat(browser.findElement(By.id("preview-link")).getDomAttribute("href"))
                .isEqualTo("https://site.example.com/blog/" + saved.get("slug").asText() + "?v=5");
    }

    @Test
    void anImageIsUploadedFromTheFormAndInsertedIntoRichTextFromTheLibrary() throws Exception {
        project("media");
        root.post("/v1/projects/media/collections", Map.of("id", "posts", "slug_from", "title", "fields", List.of(
                Map.of("id", "title", "type", "text"), Map.of("id", "body", "type", "rich_text"), Map.of("id", "cover", "type", "image"))));
        java.nio.file.Path png = java.nio.file.Files.createTempFile("cover-", ".png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0xff3366);
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        signIn();
        browser.get(server.base() + "/admin/p/media/c/posts/new");
        browser.findElement(By.id("f-title")).sendKeys("With a picture");
        browser.findElement(By.id("f-cover-upload")).sendKeys(png.toAbsolutePath().toString());
        assertThat(browser.findElement(By.cssSelector("#f-cover-preview img")).getDomAttribute("src")).startsWith("blob:");
        browser.findElement(By.id("f-cover-alt")).sendKeys("A red dot");
        click("Create entry");
        Browser.awaitText(".notice.ok", "created");
        String id = browser.getCurrentUrl().replaceAll(".*/e/([^?]+).*", "$1");
        JsonNode cover = root.get("/v1/projects/media/collections/posts/entries/" + id).json().get("fields").get("cover");
        assertThat(cover.get("url").asText()).contains("/assets/media/");
        assertThat(cover.get("width").asInt()).isEqualTo(40);
        assertThat(cover.get("alt").asText()).isEqualTo("A red dot");
        assertThat(browser.findElement(By.cssSelector("#f-cover-preview img")).getDomAttribute("src")).isEqualTo(cover.get("url").asText());
        Api.Response served = root.get(java.net.URI.create(cover.get("url").asText()).getPath());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("image/png");

        WebElement editor = browser.findElement(By.id("f-body-editor"));
        editor.click();
        editor.sendKeys("Look: ");
        new Select(browser.findElement(By.id("f-body-images"))).selectByValue(cover.get("url").asText());
        assertThat(editor.findElements(By.tagName("img"))).hasSize(1);
        click("Save");
        Browser.awaitText(".notice.ok", "Saved");
        JsonNode body = root.get("/v1/projects/media/collections/posts/entries/" + id).json().get("fields").get("body");
        assertThat(body.toString()).contains("\"type\":\"image\"").contains(cover.get("url").asText());

        browser.get(server.base() + "/admin/p/media/assets");
        assertThat(browser.findElement(By.cssSelector("ul.assets")).getText()).contains(png.getFileName().toString()).contains("40×30");
        Browser.assertAccessible("asset library");
        Browser.screenshot("assets");
        java.nio.file.Files.deleteIfExists(png);
    }

    @Test
    void aConcurrentEditIsCaughtWithBothVersionsAndResolved() {
        project("race");
        root.post("/v1/projects/race/collections", Map.of("id", "pages", "fields",
                List.of(Map.of("id", "title", "type", "text"), Map.of("id", "intro", "type", "text"))));
        String id = root.post("/v1/projects/race/collections/pages/entries", Map.of("slug", "home", "fields",
                Map.of("title", "Home", "intro", "Welcome"))).json().get("id").asText();
        signIn();
        browser.get(server.base() + "/admin/p/race/c/pages/e/" + id);
        root.patch("/v1/projects/race/collections/pages/entries/" + id, Map.of("fields", Map.of("intro", "Changed meanwhile")));
        WebElement title = browser.findElement(By.id("f-title"));
        title.clear();
        title.sendKeys("My home");
        Browser.clickAndLoad(Browser.button("Save"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Changed by someone else");
        WebElement introRow = browser.findElement(By.xpath("//tr[th[starts-with(normalize-space(.), 'intro')]]"));
        assertThat(introRow.getText()).contains("Welcome").contains("Changed meanwhile").contains("differs");
        assertThat(root.get("/v1/projects/race/collections/pages/entries/" + id).json().get("fields").get("title").asText())
                .as("nothing written on a stale version").isEqualTo("Home");
        assertThat(browser.findElement(By.linkText("Reload the saved version (drop my changes)")).getDomAttribute("href"))
                .endsWith("/e/" + id);
        Browser.assertAccessible("edit conflict");
        Browser.screenshot("edit-conflict");

        click("Save my version over it");
        Browser.awaitText(".notice.ok", "Saved");
        JsonNode e = root.get("/v1/projects/race/collections/pages/entries/" + id).json();
        assertThat(e.get("fields").get("title").asText()).isEqualTo("My home");
        assertThat(e.get("version").asInt()).isEqualTo(3);
    }

    @Test
    void theTableFiltersSortsPagesAndActsInBulk() {
        project("table");
        root.post("/v1/projects/table/collections", Map.of("id", "items", "slug_from", "title", "fields",
                List.of(Map.of("id", "title", "type", "text"), Map.of("id", "n", "type", "number", "integer", true))));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) items.add(Map.of("draft", true, "fields", Map.of("title", "Item " + i, "n", i)));
        assertThat(root.post("/v1/projects/table/collections/items/entries/batch", Map.of("mode", "create", "entries", items)).status())
                .isEqualTo(200);
        signIn();
        browser.get(server.base() + "/admin/p/table/c/items");
        assertThat(browser.findElement(By.cssSelector("p[role=status]")).getText()).isEqualTo("120 entries");
        assertThat(browser.findElements(By.cssSelector("table.entries tbody tr"))).hasSize(50);
        Browser.assertAccessible("entries table");
        Browser.screenshot("entries");

        browser.findElement(By.linkText("Next page")).click();
        waitForUrl("cursor=", true);
        assertThat(browser.findElements(By.cssSelector("table.entries tbody tr"))).hasSize(50);
        assertThat(browser.findElements(By.linkText("First page"))).hasSize(1);

        WebElement filter = browser.findElement(By.id("filter"));
        filter.clear();
        filter.sendKeys("n >= 100 and");
        Browser.clickAndLoad(Browser.button("Apply"));
        assertThat(browser.findElement(By.id("filter-error")).getText()).contains("position");
        assertThat(browser.findElement(By.cssSelector(".filter-error mark"))).isNotNull();
        filter = browser.findElement(By.id("filter"));
        filter.clear();
        filter.sendKeys("n >= 100");
        Browser.clickAndLoad(Browser.button("Apply"));
        assertThat(browser.findElements(By.cssSelector("table.entries tbody tr"))).hasSize(20);
        Browser.clickAndLoad(By.linkText("Count them"));
        assertThat(browser.findElement(By.cssSelector("p[role=status]")).getText()).isEqualTo("20 entries match");

        browser.findElement(By.linkText("n")).click();
        browser.findElement(By.linkText("n \u25b2")).click();
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=descending]")).getText()).startsWith("n");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.entries tbody tr"));
        assertThat(rows.get(0).getText()).contains("119");
        assertThat(rows.get(1).getText()).contains("118");

        rows.get(0).findElement(By.name("ids")).click();
        rows.get(1).findElement(By.name("ids")).click();
        new Select(browser.findElement(By.id("bulk-op"))).selectByValue("publish");
        click("Apply to selected");
        Browser.awaitText(".notice.ok", "2 entries published");
        JsonNode published = root.get("/v1/projects/table/collections/items/entries?filter=" + enc("draft = false")).json().get("data");
        assertThat(published).hasSize(2);
        assertThat(published.findValuesAsText("slug")).containsExactlyInAnyOrder("item-119", "item-118");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.base() + "/admin/p/table/c/items");
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page at phone width").isLessThanOrEqualTo(0);
        Browser.screenshot("entries-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void project(String id) {
        assertThat(root.post("/v1/projects", Map.of("id", id)).status()).isEqualTo(201);
    }

    private static void addField(String id, String type, Map<String, String> inputs) {
        WebElement form = browser.findElement(By.id("add-field"));
        form.findElement(By.id("new-id")).sendKeys(id);
        new Select(form.findElement(By.id("new-type"))).selectByValue(type);
        inputs.forEach((input, value) -> {
            WebElement el = form.findElement(By.id(input));
            if (value.equals("check")) el.click();
            else if (el.getTagName().equals("select")) new Select(el).selectByValue(value);
            else el.sendKeys(value);
        });
        form.findElement(By.xpath(".//button[text()='Add field']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Browser.gone(form));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
    }

    /**
     * Whether the page that held {@code element} has been replaced. ChromeDriver reports an element of a
     * replaced document either as stale or, while the new document loads, as an inspector error naming it.
     */
    private static void openField(String id) {
        WebElement details = browser.findElement(By.id("field-" + id));
        if (details.getDomAttribute("open") == null) details.findElement(By.tagName("summary")).click();
    }

    private static List<String> ids(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.get("fields").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    private static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        browser.findElement(By.id("token")).sendKeys(Backend.ADMIN_TOKEN);
        click("Sign in");
        waitForUrl("/admin/projects");
    }

    private static void click(String buttonText) {
        browser.findElement(By.xpath("//button[normalize-space(text())='" + buttonText + "']")).click();
    }

    private static void waitForUrl(String part) {
        waitForUrl(part, false);
    }

    private static void waitForUrl(String part, boolean contains) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> contains ? d.getCurrentUrl().contains(part) : d.getCurrentUrl().endsWith(part));
    }


    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
