package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin UI in a real headless Chromium against a real server: what a person does, screen by screen. */
class AdminBrowserTest {
    private static Backend backend;
    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.driver();
        backend = Backend.sqlite();
        server = new TestServer(backend);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    @Test
    void signInKeepsTheTokenInAStrictHttpOnlyCookieAndSignOutEndsIt() {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/sign-in");
        Browser.assertAccessible("sign-in");
        Browser.screenshot("sign-in");

        signIn("not-a-real-token");
        Browser.awaitText(".notice.error", "not valid");

        signIn(Backend.ADMIN_TOKEN);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/projects").doesNotContain(Backend.ADMIN_TOKEN);
        Cookie session = browser.manage().getCookieNamed("vellum_admin");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/admin");
        assertThat(session.getExpiry()).as("a session cookie, gone when the browser closes").isNull();

        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        waitForUrl("/admin/sign-in");
        browser.get(server.base() + "/admin/projects");
        assertThat(browser.getCurrentUrl()).as("signed out: pages send you to sign in").endsWith("/admin/sign-in");
    }

    @Test
    void signInAndTheFirstStepsWorkFromTheKeyboardAlone() {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the token field has the focus").isEqualTo("token");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Backend.ADMIN_TOKEN).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        waitForUrl("/admin/projects");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).as("the first stop is the skip link").isEqualTo("Skip to content");
    }

    @Test
    void instanceAdminSeesEveryProjectWithCountsAndLastChange() {
        server.project("agency-a", "write");
        server.admin().post("/v1/projects/agency-a/collections", Map.of("id", "posts",
                "fields", java.util.List.of(Map.of("id", "title", "type", "text"))));
        server.admin().post("/v1/projects/agency-a/collections/posts/entries", Map.of("fields", Map.of("title", "One")));
        server.admin().post("/v1/projects/agency-a/collections/posts/entries", Map.of("fields", Map.of("title", "Two")));
        server.project("agency-b", "read");

        signIn(Backend.ADMIN_TOKEN);
        browser.get(server.base() + "/admin/projects");
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='agency-a']]"));
        assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("1");
        assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("2");
        assertThat(row.findElements(By.tagName("td")).get(3).getText()).contains("entry.created in posts");
        assertThat(browser.findElements(By.xpath("//td/a[text()='agency-b']"))).hasSize(1);
        Browser.assertAccessible("projects");
        Browser.screenshot("projects");

        browser.findElement(By.id("project-id")).sendKeys("client-c");
        browser.findElement(By.id("project-name")).sendKeys("Client C");
        browser.findElement(By.xpath("//button[text()='Create project']")).click();
        waitForUrl("/admin/p/client-c");
        assertThat(text(By.tagName("h1"))).isEqualTo("Client C");
        assertThat(server.admin().get("/v1/projects").json().toString()).contains("client-c");
        Browser.assertAccessible("project");
    }

    @Test
    void aProjectTokenSeesOnlyItsProject() {
        server.project("mine", "read");
        server.project("theirs", "read");
        var secret = server.admin().post("/v1/projects/mine/tokens", Map.of("name", "editor", "scope", "admin")).json().get("token").asText();
        signIn(secret);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/p/mine");
        browser.get(server.base() + "/admin/p/theirs");
        assertThat(text(By.tagName("h1"))).isEqualTo("Not found");
        browser.get(server.base() + "/admin/projects");
        assertThat(text(By.tagName("h1"))).isEqualTo("Not allowed");
    }

    @Test
    void tokensAreCreatedWithTheSecretShownOnceAndRevoked() {
        server.project("tok", "read");
        signIn(Backend.ADMIN_TOKEN);
        browser.get(server.base() + "/admin/p/tok/tokens");
        browser.findElement(By.id("token-name")).sendKeys("marketing site");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("token-scope"))).selectByValue("read");
        browser.findElement(By.xpath("//button[text()='Create token']")).click();
        String secret = browser.findElement(By.id("new-secret")).getDomProperty("value");
        assertThat(secret).isNotBlank();
        assertThat(server.anonymous().as(secret).get("/v1/projects/tok/collections").status()).isEqualTo(200);
        Browser.assertAccessible("tokens");
        Browser.screenshot("tokens");

        browser.get(server.base() + "/admin/p/tok/tokens");
        assertThat(browser.getPageSource()).as("the secret is shown once").doesNotContain(secret);
        assertThat(server.anonymous().as(secret).get("/v1/projects/tok/collections").status()).isEqualTo(200);
        browser.get(server.base() + "/admin/p/tok/tokens");
        WebElement row = browser.findElement(By.xpath("//tr[td[text()='marketing site']]"));
        assertThat(row.getText()).doesNotContain("never"); // the API call above is its last use
        // rotate with a grace period: the new secret works, and the old one still does, for an hour
        new org.openqa.selenium.support.ui.Select(row.findElement(By.tagName("select"))).selectByValue("3600");
        row.findElement(By.xpath(".//button[text()='Rotate']")).click();
        String rotated = browser.findElement(By.id("new-secret")).getDomProperty("value");
        assertThat(rotated).isNotBlank().isNotEqualTo(secret);
        assertThat(text(By.cssSelector(".secret"))).contains("previous secret keeps working until");
        assertThat(server.anonymous().as(rotated).get("/v1/projects/tok/collections").status()).isEqualTo(200);
        assertThat(server.anonymous().as(secret).get("/v1/projects/tok/collections").status()).isEqualTo(200);
        browser.get(server.base() + "/admin/p/tok/tokens");
        row = browser.findElement(By.xpath("//tr[td[text()='marketing site']]"));
        assertThat(row.getText()).contains("previous secret valid until");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        row.findElement(By.xpath(".//button[text()='Revoke']")).click();
        Browser.awaitText(".notice.ok", "revoked");
        assertThat(server.anonymous().as(secret).get("/v1/projects/tok/collections").status()).isEqualTo(401);
        assertThat(server.anonymous().as(rotated).get("/v1/projects/tok/collections").status()).isEqualTo(401);
    }

    private static void signIn(String token) {
        browser.manage().deleteAllCookies();
        browser.get(server.base() + "/admin/sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> !d.getCurrentUrl().endsWith("/sign-in")
                || !d.findElements(By.cssSelector(".notice.error")).isEmpty());
    }

    static void waitForUrl(String suffix) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }
}
