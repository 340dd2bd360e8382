package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.importers.LiveWordPress;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Browser;
import dev.vellum.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An import from a real WordPress site (the importers' LiveWordPress), started and followed from the screen. */
class AdminImportBrowserTest {
    private static Backend backend;
    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.driver();
        backend = Backend.sqlite();
        server = new TestServer(backend, Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    @Test
    void filesUploadedInTheBrowserAreImportedAsJobsWithLiveProgress() throws Exception {
        server.admin().post("/v1/projects", Map.of("id", "files"));
        server.admin().post("/v1/projects/files/collections", Map.of("id", "products", "fields",
                java.util.List.of(Map.of("id", "name", "type", "text"), Map.of("id", "price", "type", "number"))));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vellum-upload-");
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("products.csv"), "id,name,price\n1,Chair,40\n2,Table,120\n");
        java.nio.file.Path wxr = dev.vellum.importers.WxrGenerator.write(dir.resolve("export.xml"), "https://blog.example.org", 3, null);
        signIn();

        browser.get(server.base() + "/admin/p/files/imports");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("file-kind"))).selectByValue("csv");
        browser.findElement(By.id("file-file")).sendKeys(csv.toString());
        browser.findElement(By.xpath("//button[text()='Upload and import']")).click();
        Browser.awaitText(".notice.error", "options.collection"); // a CSV needs its collection, said before anything is stored
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("file-kind"))).selectByValue("csv");
        browser.findElement(By.id("file-file")).sendKeys(csv.toString());
        browser.findElement(By.id("file-collection")).sendKeys("products");
        browser.findElement(By.xpath("//button[text()='Upload and import']")).click();
        awaitDone();
        assertThat(browser.findElement(By.cssSelector("[data-count=created]")).getText()).isEqualTo("2");
        assertThat(server.admin().get("/v1/projects/files/collections/products/entries?sort=name").json().get("data").get(0)
                .get("fields").get("price").asInt()).isEqualTo(40);

        browser.get(server.base() + "/admin/p/files/imports");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("file-kind"))).selectByValue("wordpress");
        browser.findElement(By.id("file-file")).sendKeys(wxr.toString());
        browser.findElement(By.id("file-media")).click();
        browser.findElement(By.xpath("//button[text()='Upload and import']")).click();
        awaitDone();
        assertThat(browser.findElement(By.cssSelector("[data-count=failed]")).getText()).isEqualTo("0");
        assertThat(server.admin().get("/v1/projects/files/collections/posts/entries?include_total=true").json().get("total").asLong())
                .as("a WordPress export (XML) is accepted as an import's file").isEqualTo(3);
        Browser.assertAccessible("imports");
    }

    private static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        browser.findElement(By.id("token")).sendKeys(Backend.ADMIN_TOKEN);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin/projects"));
    }

    private static void awaitDone() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.getCurrentUrl().matches(".*/admin/p/[a-z]+/imports/[0-9A-Z]+$"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> java.util.List.of("done", "failed").contains(d.findElement(By.cssSelector("[data-poll-status]")).getText()));
        assertThat(browser.findElement(By.cssSelector("[data-poll-status]")).getText()).isEqualTo("done");
    }

    @Test
    void aWordPressImportRunsWithLiveProgressAndItsItemLog() {
        LiveWordPress wp = LiveWordPress.get();
        server.admin().post("/v1/projects", Map.of("id", "blog"));
        signIn();
        browser.get(server.base() + "/admin/p/blog/imports");

        browser.findElement(By.id("imp-url")).sendKeys(wp.base());
        browser.findElement(By.id("imp-user")).sendKeys(wp.user());
        browser.findElement(By.id("imp-password")).sendKeys("wrong wrong wrong wrong wrong wrong");
        browser.findElement(By.xpath("//button[text()='Start import']")).click();
        assertThat(Browser.awaitText(".notice.error", "")).as("a wrong password is said at once").isNotBlank();

        browser.findElement(By.id("imp-password")).sendKeys(wp.appPassword());
        browser.findElement(By.id("imp-media")).click(); // no media: keeps the run short
        browser.findElement(By.xpath("//button[text()='Start import']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().matches(".*/admin/p/blog/imports/[0-9A-Z]+$"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("[data-poll-status]")).getText().equals("done"));
        long created = Long.parseLong(browser.findElement(By.cssSelector("[data-count=created]")).getText());
        assertThat(created).isGreaterThanOrEqualTo(1 + 3 + 2 + 6 + 4); // authors, categories, tags, posts, pages
        assertThat(browser.findElement(By.cssSelector("[data-count=failed]")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("table tbody tr")).size()).isGreaterThanOrEqualTo(16);
        assertThat(server.admin().get("/v1/projects/blog/collections/posts/entries?include_total=true").json().get("total").asLong())
                .isGreaterThanOrEqualTo(6);
        Browser.assertAccessible("import");
        Browser.screenshot("import");
    }
}
