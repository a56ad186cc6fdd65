package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The web console as a person uses it: a real headless Chromium ({@link Browser}) on the page of a
 * real container started with HTTP in this JVM, on a copy of the sample bundles folder. The table,
 * its live updates, the graph, the detail panel, an action with and without the token, and the
 * page at phone size; after each test the browser's console holds no error (a Content-Security-
 * Policy violation would be one). Screenshots go to {@code target/screenshots/}.
 *
 * <p>Without Chromium the tests fail saying how to install it.
 */
class WebConsoleIT {

    /** How soon a status change made through the API must show on the page. */
    private static final Duration LIVE = Duration.ofSeconds(1);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path work;

    private static RegistryContainer container;
    private static Browser browser;
    private static WebApiClient api;
    private static ConsolePage page;
    private static String token;

    /** Console errors a test provokes on purpose: the browser logs every refused request as one. */
    private final List<String> expectedErrors = new ArrayList<>();

    @BeforeAll
    static void startContainerAndBrowser() throws Exception {
        Browser.requireInstalled();
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path storage = work.resolve("storage");
        try (Stream<Path> jars = Files.list(LauncherProcess.sampleBundles())) {
            for (Path jar : jars.filter(jar -> jar.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        container = RegistryContainer.builder()
                .bundlesDir(plugins)
                .storageDir(storage)
                .watch(false)
                .http("127.0.0.1:0")
                .start();
        URI base = container.httpUri().orElseThrow();
        token = Files.readString(storage.resolve("http.token")).strip();
        api = new WebApiClient(base, token);
        browser = Browser.start(Files.createDirectories(work.resolve("chromium-profile")));
        page = new ConsolePage(browser.driver(), base);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    @AfterEach
    void theBrowserReportedNoError() {
        assertThat(browser.consoleErrors())
                .as("errors in the browser's console: failed loads, script errors, Content-Security-Policy violations")
                .filteredOn(message -> expectedErrors.stream().noneMatch(message::contains))
                .isEmpty();
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> idsWhere(JsonNode components, String field, String value) {
        return elements(components).stream()
                .filter(c -> c.get(field).asText().equals(value))
                .map(c -> c.get("id").asText())
                .sorted()
                .toList();
    }

    @Test
    void theTableShowsEveryComponentWithItsStatusAndFilters() throws Exception {
        assertThat(api.header("/", "Content-Security-Policy"))
                .as("the page is served under a strict policy, so that its errors below would show violations")
                .contains("default-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        page.open();
        JsonNode components = api.get("/api/components");
        Map<String, String> expected = new TreeMap<>();
        elements(components)
                .forEach(c -> expected.put(c.get("id").asText(), c.get("status").asText()));

        assertThat(page.rowIds()).containsExactlyElementsOf(expected.keySet()).contains("skill-runner", "logger");
        expected.forEach((id, status) -> assertThat(page.status(id)).as(id).isEqualTo(status));

        page.filterStatus("ACTIVE");
        assertThat(page.rowIds()).containsExactlyElementsOf(idsWhere(components, "status", "ACTIVE"));
        page.filterStatus("");
        page.filterType("library");
        assertThat(page.rowIds()).isNotEmpty().containsExactlyElementsOf(idsWhere(components, "type", "library"));
        page.filterType("");
        page.search("weather");
        assertThat(page.rowIds()).containsExactly("weather-skill");
        page.search("");
        assertThat(page.rowIds()).hasSize(expected.size());
    }

    @Test
    void aStatusChangeMadeThroughTheApiShowsWithinASecondWithoutAReload() throws Exception {
        page.open();
        assertThat(page.status("echo-skill")).isEqualTo("ACTIVE");
        page.script("window.notReloaded = true");

        api.post("/api/components/echo-skill/deactivate");
        long deactivated = System.nanoTime();
        page.awaitStatus("echo-skill", "INACTIVE", LIVE);
        long deactivationShown = System.nanoTime() - deactivated;
        api.post("/api/components/echo-skill/activate");
        long activated = System.nanoTime();
        page.awaitStatus("echo-skill", "ACTIVE", LIVE);
        long activationShown = System.nanoTime() - activated;

        assertThat(page.script("return window.notReloaded === true")).isEqualTo(true);
        System.out.printf(
                "WebConsoleIT: a status change showed on the page %d ms (deactivate) and %d ms (activate)"
                        + " after the API answered%n",
                deactivationShown / 1_000_000, activationShown / 1_000_000);
    }

    @Test
    void theGraphDrawsTheNodesAndEdgesOfTheApiAndHighlightsTheSelection() throws Exception {
        page.open();
        JsonNode graph = api.get("/api/graph?format=json");
        List<String> plugins = elements(graph.get("nodes")).stream()
                .filter(n -> !n.get("type").asText().equals("system"))
                .map(n -> n.get("id").asText())
                .toList();
        long pluginEdges = elements(graph.get("edges")).stream()
                .filter(e -> plugins.contains(e.get("from").asText())
                        && plugins.contains(e.get("to").asText()))
                .count();

        // the container's own bundles (type system) are left out until asked for
        assertThat(page.graph("all-nodes")).isEqualTo(graph.get("nodes").size());
        assertThat(page.graph("all-edges")).isEqualTo(graph.get("edges").size());
        assertThat(page.graph("nodes")).isPositive().isEqualTo(plugins.size());
        assertThat(page.graph("edges")).isPositive().isEqualTo((int) pluginEdges);
        assertThat(page.graph("cycles")).isEqualTo(graph.path("cycles").size());
        assertThat(browser.driver().findElements(By.cssSelector("#graph canvas")))
                .isNotEmpty();
        page.showSystemComponents();
        assertThat(page.graph("nodes")).isEqualTo(graph.get("nodes").size()).isGreaterThan(plugins.size());
        assertThat(page.graph("edges")).isEqualTo(graph.get("edges").size());

        JsonNode logger = api.get("/api/components/logger");
        page.select("logger");
        assertThat(page.graphSelection()).isEqualTo("logger");
        assertThat(page.graph("dependencies"))
                .isEqualTo(logger.get("dependencies").size());
        assertThat(page.graph("dependents"))
                .isPositive()
                .isEqualTo(logger.get("dependents").size());
    }

    @Test
    void theDetailPanelShowsWhyImpactHistoryAndAudit() throws Exception {
        page.open();
        page.select("logger");

        assertThat(page.text(By.id("detail-title"))).isEqualTo("logger");
        assertThat(page.text(By.id("detail-status"))).isEqualTo(api.status("logger"));
        assertThat(page.text(By.id("why-summary"))).isNotBlank();
        JsonNode impact = api.get("/api/components/logger/impact");
        assertThat(page.attribute(By.id("impact-text"), "data-count")).isEqualTo(String.valueOf(impact.size()));
        elements(impact)
                .forEach(id -> assertThat(page.text(By.id("impact-text"))).contains(id.asText()));
        JsonNode history = api.get("/api/components/logger/history");
        assertThat(browser.driver().findElements(By.cssSelector("#history-table tbody tr")))
                .hasSize(history.size());
        JsonNode audit = api.get("/api/audit?component=logger");
        assertThat(browser.driver().findElements(By.cssSelector("#audit-table tbody tr")))
                .hasSize(audit.size());
    }

    @Test
    void anActionWorksWithTheTokenAndIsRefusedWithoutIt() throws Exception {
        expectedErrors.addAll(List.of("status of 401", "status of 403"));
        page.open();
        assertThat(api.status("echo-skill")).isEqualTo("ACTIVE");

        // no token kept: the page asks for it, and cancelling sends nothing
        page.clickAction("echo-skill", "deactivate");
        assertThat(page.confirmationText()).startsWith("Deactivate echo-skill?");
        page.confirm();
        page.awaitTokenForm();
        page.cancelToken();
        assertThat(page.awaitMessage("info", "No token given")).contains("nothing changed");
        assertThat(api.status("echo-skill")).isEqualTo("ACTIVE");

        // the container itself refuses a change from the page without the token
        Object status = page.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/components/echo-skill/deactivate', {method: 'POST'}).then(r => done(r.status));");
        assertThat(status).isEqualTo(401L);
        assertThat(api.status("echo-skill")).isEqualTo("ACTIVE");

        // a wrong token: refused, said so, asked for again, nothing changed
        page.clickAction("echo-skill", "deactivate");
        page.confirm();
        page.awaitTokenForm();
        page.enterToken("not-the-token");
        assertThat(page.awaitMessage("error", "HTTP 403")).contains("Nothing was changed");
        assertThat(page.tokenFormShown()).isTrue();
        assertThat(page.status("echo-skill")).isEqualTo("ACTIVE");
        assertThat(api.status("echo-skill")).isEqualTo("ACTIVE");

        // the right token: done, shown, audited under the client's address
        page.enterToken(token);
        page.awaitMessage("ok", "echo-skill deactivated");
        page.awaitStatus("echo-skill", "INACTIVE", LIVE);
        assertThat(api.status("echo-skill")).isEqualTo("INACTIVE");
        JsonNode last = api.get("/api/audit?component=echo-skill&limit=1").get(0);
        assertThat(last.get("actor").asText()).startsWith("http:");
        assertThat(last.get("operation").asText()).containsIgnoringCase("deactivate");

        // kept for the tab: the next change asks only for the confirmation
        page.clickAction("echo-skill", "activate");
        page.confirm();
        page.awaitMessage("ok", "echo-skill activated");
        assertThat(page.tokenFormShown()).isFalse();
        page.awaitStatus("echo-skill", "ACTIVE", LIVE);
        assertThat(api.status("echo-skill")).isEqualTo("ACTIVE");
    }

    @Test
    void thePageFitsAPhoneWithTheGraphBelowTheTable() throws IOException {
        page.open();
        page.select("logger");
        browser.screenshot(SCREENSHOTS.resolve("console-desktop.png"));
        browser.phoneSize();
        try {
            page.script("window.scrollTo(0, 0)");
            // the graph is drawn again for its new size a moment after the resize
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(page.beyondTheRightEdge())
                            .as("the page is no wider than the phone; only the tables scroll sideways")
                            .isEmpty());
            long tableBottom = (Long) page.script(
                    "return Math.round(document.getElementById('components-section').getBoundingClientRect().bottom)");
            long graphTop = (Long) page.script(
                    "return Math.round(document.getElementById('graph-section').getBoundingClientRect().top)");
            assertThat(graphTop).as("the graph comes below the table").isGreaterThan(tableBottom);
            browser.screenshot(SCREENSHOTS.resolve("console-phone.png"));
        } finally {
            browser.desktopSize();
        }
        assertThat(SCREENSHOTS.resolve("console-desktop.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("console-phone.png")).isNotEmptyFile();
    }
}
