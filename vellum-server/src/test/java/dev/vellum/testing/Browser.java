package dev.vellum.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/chromium.sh) for the
 * whole test run, started on first use and quit when the JVM ends. Tests skip, saying why, where the
 * browser is not installed. Also: the axe-core accessibility scan and screenshots for docs/admin.md.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VELLUM_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("VELLUM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of(System.getenv().getOrDefault("VELLUM_TEST_AXE",
            System.getProperty("user.home") + "/.cache/vellum/axe-core/axe.min.js"));
    /**
     * Screenshots land in target/ so a test run leaves the work tree as it was; to refresh the ones in
     * docs/admin.md, run the browser tests with VELLUM_TEST_SCREENSHOTS=../docs/admin (tests run in vellum-server/).
     */
    private static final Path SHOTS = Path.of(System.getenv().getOrDefault("VELLUM_TEST_SCREENSHOTS", "target/admin-screenshots"));

    /** The browser's time zone: not UTC, so the tests see date-times converted both ways. */
    public static final String ZONE = "America/New_York";

    private static WebDriver driver;
    private static String axeSource;

    private Browser() {}

    /** The shared browser, at desktop size, with no cookies left from an earlier test. */
    public static synchronized WebDriver driver() {
        if (driver == null) start();
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    private static void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            Assumptions.abort("No Chromium at " + CHROMIUM + " or chromedriver at " + DRIVER
                    + ": skipping the browser tests (.ci/chromium.sh installs them)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("vellum-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", ZONE)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3)); // pages load after a click; the machine may be busy
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // the browser is gone already
            }
        }, "chromium-quit"));
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation, listing them. */
    @SuppressWarnings("unchecked")
    public static void assertAccessible(String screen) {
        if (axeSource == null) {
            if (!Files.isReadable(AXE)) Assumptions.abort("axe-core not found at " + AXE + " (.ci/chromium.sh caches it)");
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        assertThat(serious).as("axe-core on the " + screen + " screen").isEmpty();
    }

    /** A button by its text. */
    public static org.openqa.selenium.By button(String text) {
        return org.openqa.selenium.By.xpath("//button[normalize-space(text())='" + text + "']");
    }

    /**
     * Clicks what {@code target} finds, which loads another page, and waits (up to 10 s) until the page it was on is
     * gone, so what is read next is read off the new page, not off the one the click is leaving.
     */
    public static void clickAndLoad(org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        driver.findElement(target).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "a new page after clicking " + target).until(d -> gone(page));
    }

    /** Whether {@code element}'s page has been replaced (ChromeDriver 156 may say so as an inspector error, not as stale). */
    public static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
            throw e;
        }
    }

    /**
     * Waits (up to 10 s) until an element matching {@code css} on the current page contains {@code text}, and returns its
     * text. A notice found on the page a click is leaving goes stale or says something else; either way the wait goes on.
     */
    public static String awaitText(String css, String text) {
        String[] last = {"(none)"};
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "an element " + css + " containing \"" + text + "\"; last seen: " + last[0])
                .until(d -> {
                    for (org.openqa.selenium.WebElement e : d.findElements(org.openqa.selenium.By.cssSelector(css))) {
                        String shown = e.getText();
                        last[0] = shown;
                        if (shown.contains(text)) return shown;
                    }
                    return null;
                });
    }

    /** Saves a PNG of the current page as docs/admin/{name}.png. */
    public static void screenshot(String name) {
        // the whole page, top to bottom (up to 2,400 px), without a focus ring left from typing
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        long chrome = before.getHeight() - ((Number) js.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(2400, height + chrome)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(before);
        try {
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
