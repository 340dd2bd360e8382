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
    void aWordPressImportRunsWithLiveProgressAndItsItemLog() {
        LiveWordPress wp = LiveWordPress.get();
        server.admin().post("/v1/projects", Map.of("id", "blog"));
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        browser.findElement(By.id("token")).sendKeys(Backend.ADMIN_TOKEN);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        browser.get(server.base() + "/admin/p/blog/imports");

        browser.findElement(By.id("imp-url")).sendKeys(wp.base());
        browser.findElement(By.id("imp-user")).sendKeys(wp.user());
        browser.findElement(By.id("imp-password")).sendKeys("wrong wrong wrong wrong wrong wrong");
        browser.findElement(By.xpath("//button[text()='Start import']")).click();
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).as("a wrong password is said at once").isNotBlank();

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
