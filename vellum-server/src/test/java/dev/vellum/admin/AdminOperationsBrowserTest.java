package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.Browser;
import dev.vellum.testing.Receiver;
import dev.vellum.testing.Signing;
import dev.vellum.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Webhooks with their delivery log, inbound hooks with their request log, and publishing, from the screens. */
class AdminOperationsBrowserTest {
    private static Backend backend;
    private static TestServer server;
    private static Receiver receiver;
    private static WebDriver browser;
    private static Api root;

    @BeforeAll
    static void start() {
        browser = Browser.driver();
        backend = Backend.sqlite();
        server = new TestServer(backend, Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_PUBLISH_DEBOUNCE_MS", "200"));
        receiver = new Receiver();
        root = server.admin();
        root.post("/v1/projects", Map.of("id", "ops"));
        root.post("/v1/projects/ops/collections", Map.of("id", "customers", "fields",
                List.of(Map.of("id", "name", "type", "text"))));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) receiver.close();
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    @Test
    void aWebhookIsCreatedItsDeliveriesLoggedAndResent() {
        signIn();
        browser.get(server.base() + "/admin/p/ops/webhooks");
        browser.findElement(By.id("wh-url")).sendKeys(receiver.url("/deploy"));
        browser.findElement(By.xpath("//label[normalize-space(.)='site.published']/input")).click();
        click("Create webhook");
        assertThat(browser.findElements(By.cssSelector(".notice.error"))).as("errors shown").extracting(e -> e.getText()).isEmpty();
        assertThat(browser.findElement(By.id("new-secret")).getDomProperty("value")).isNotBlank();
        browser.findElement(By.linkText("Delivery log")).click();
        click("Send a test event");
        receiver.await("/deploy", 1, Duration.ofSeconds(10));
        browser.navigate().refresh();
        wait(d -> d.findElement(By.cssSelector("table tbody")).getText().contains("delivered"));
        Browser.assertAccessible("webhook deliveries");
        Browser.screenshot("webhook-deliveries");
        browser.findElement(By.xpath("//button[text()='Re-send']")).click();
        receiver.await("/deploy", 2, Duration.ofSeconds(10));

        browser.get(server.base() + "/admin/p/ops/publish");
        click("Publish the site");
        receiver.awaitMatching("/deploy", r -> r.stream().anyMatch(x -> x.body().contains("site.published")), Duration.ofSeconds(10), "site.published");
        browser.get(server.base() + "/admin/p/ops/publish");
        wait(d -> d.findElement(By.cssSelector("table tbody")).getText().contains("fired"));
        Browser.assertAccessible("publish");
    }

    @Test
    void anInboundHookIsCreatedAndItsRequestsLogged() throws Exception {
        signIn();
        browser.get(server.base() + "/admin/p/ops/hooks");
        var mapping = browser.findElement(By.id("hook-mapping"));
        mapping.clear();
        mapping.sendKeys("{\"name\": \"/customer/name\", \"slug\": \"/customer/id\"}");
        click("Create hook");
        String url = browser.findElement(By.id("hook-url")).getDomProperty("value");
        String secret = browser.findElement(By.id("new-secret")).getDomProperty("value");
        String body = "{\"customer\": {\"id\": \"cus-1\", \"name\": \"Ada\"}}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Vellum-Signature", Signing.header(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        browser.get(server.base() + "/admin/p/ops/hooks");
        Browser.clickAndLoad(By.linkText("Request log"));
        assertThat(browser.findElement(By.cssSelector("table tbody")).getText()).contains("created").contains("cus-1");
        Browser.assertAccessible("hook requests");
        assertThat(root.get("/v1/projects/ops/collections/customers/entries?filter=slug%20%3D%20%22cus-1%22").json()
                .get("data").get(0).get("fields").get("name").asText()).isEqualTo("Ada");
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
