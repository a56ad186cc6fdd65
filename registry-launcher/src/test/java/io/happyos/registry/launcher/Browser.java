package io.happyos.registry.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium driven through ChromeDriver, both from Debian ({@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs when missing). The browser and the driver
 * are named explicitly, so Selenium Manager is never asked and nothing is downloaded.
 *
 * <p>When they are missing the tests fail, saying how to install them: they are never skipped.
 * {@code -Dweb.chromium=PATH} and {@code -Dweb.chromedriver=PATH} name other binaries.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("web.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("web.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Fails the calling tests when the browser or its driver is not installed. */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        if (!missing.isEmpty()) {
            fail("the browser tests need a headless Chromium and its driver, but " + String.join(" and ", missing)
                    + " cannot be run. Install them with: apt-get install -y chromium chromium-driver"
                    + " (.ci/run does)");
        }
    }

    /**
     * Starts the browser with a fresh profile at a desktop window size.
     *
     * @param profile an empty folder for the browser's profile
     * @return the running browser; close it
     */
    static Browser start(Path profile) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * The errors the page's console received since the last call: failed loads, script errors,
     * Content-Security-Policy violations.
     *
     * @return their messages
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Lays the page out as on a phone (390 x 844 CSS pixels, touch, twice the pixel density). */
    void phoneSize() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Back to the desktop window. */
    void desktopSize() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Saves a screenshot of the whole page, beyond what the window shows.
     *
     * @param file the PNG to write; its folder is created
     * @throws IOException when it cannot be written
     */
    void screenshot(Path file) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
