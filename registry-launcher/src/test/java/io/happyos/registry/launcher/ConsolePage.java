package io.happyos.registry.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page as a user sees it, through the stable ids and data attributes it keeps for
 * tests: rows {@code tr[data-id]} with {@code td.status}, {@code #graph[data-nodes][data-edges]},
 * {@code #token-form}, {@code #confirm}, {@code #message[data-kind]}, {@code #detail[data-id]}.
 */
final class ConsolePage {

    /** How long a page load, a dialog or a change may take to show. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final URI base;

    ConsolePage(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * Loads the page with no token kept, and waits until the table and the graph are drawn and the
     * event stream is open.
     *
     * @return this page
     */
    ConsolePage open() {
        driver.get(base.toString());
        script("sessionStorage.clear()");
        driver.navigate().refresh();
        until(d -> "true".equals(attribute(By.tagName("body"), "data-loaded"))
                && "true".equals(attribute(By.id("graph"), "data-ready"))
                && "live".equals(attribute(By.id("live"), "data-state")));
        return this;
    }

    /** The ids of the rows shown, in the table's order. */
    List<String> rowIds() {
        return driver.findElements(By.cssSelector("#components tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(row -> row.getDomAttribute("data-id"))
                .toList();
    }

    /**
     * The status a row shows, read in one step in the page: rows are replaced as they change, so an
     * element found a moment earlier may be gone.
     *
     * @return the status, or null when there is no such row
     */
    String status(String id) {
        return (String) script(
                "const cell = document.querySelector(arguments[0]); return cell ? cell.textContent : null;",
                "#components tbody tr[data-id='" + id + "'] td.status");
    }

    /**
     * Waits until a row shows a status.
     *
     * @param within how long it may take
     */
    void awaitStatus(String id, String status, Duration within) {
        new WebDriverWait(driver, within, Duration.ofMillis(20)).until(d -> status.equals(status(id)));
    }

    /** A number the graph's container carries: data-nodes, data-edges, data-cycles, data-dependencies... */
    int graph(String attribute) {
        return Integer.parseInt(attribute(By.id("graph"), "data-" + attribute));
    }

    /** Ticks "system components" and waits for the graph to be drawn with them. */
    void showSystemComponents() {
        driver.findElement(By.id("graph-system")).click();
        until(d -> "true".equals(attribute(By.id("graph"), "data-system")));
    }

    String graphSelection() {
        return attribute(By.id("graph"), "data-selected");
    }

    /** Clicks a row's id and waits for the detail panel to be loaded for it. */
    void select(String id) {
        driver.findElement(row(id).cssSelector(" td.id button")).click();
        until(d -> id.equals(attribute(By.id("detail"), "data-id"))
                && "true".equals(attribute(By.id("detail"), "data-loaded")));
    }

    /** Clicks a row's action button (activate, deactivate) and waits for the confirmation. */
    void clickAction(String id, String action) {
        driver.findElement(row(id).cssSelector(" td.actions button[data-action='" + action + "']"))
                .click();
        until(d -> d.findElement(By.id("confirm")).isDisplayed());
    }

    String confirmationText() {
        return driver.findElement(By.id("confirm-text")).getText();
    }

    void confirm() {
        driver.findElement(By.id("confirm-ok")).click();
        until(d -> !d.findElement(By.id("confirm")).isDisplayed());
    }

    boolean tokenFormShown() {
        return driver.findElement(By.id("token-form")).isDisplayed();
    }

    void awaitTokenForm() {
        until(d -> tokenFormShown());
    }

    void enterToken(String token) {
        WebElement input = driver.findElement(By.id("token-input"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.id("token-save")).click();
    }

    void cancelToken() {
        driver.findElement(By.id("token-cancel")).click();
    }

    /**
     * Waits for a message of a kind (ok, info, error) holding a text, and returns all of it.
     *
     * @param kind ok, info or error
     * @param containing a part of the text
     * @return the message's text
     */
    String awaitMessage(String kind, String containing) {
        until(d -> kind.equals(attribute(By.id("message"), "data-kind"))
                && text(By.id("message-text")).contains(containing));
        return text(By.id("message-text"));
    }

    /** Chooses a status in the filter; the empty string shows all. */
    void filterStatus(String status) {
        new Select(driver.findElement(By.id("filter-status"))).selectByValue(status);
    }

    /** Chooses a type in the filter; the empty string shows all. */
    void filterType(String type) {
        new Select(driver.findElement(By.id("filter-type"))).selectByValue(type);
    }

    /** Types into the search box, replacing what it held. */
    void search(String text) {
        WebElement box = driver.findElement(By.id("search"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            box.sendKeys(text);
        }
    }

    /**
     * The elements that reach beyond the right edge of the window, outside the parts that scroll
     * sideways on their own (the tables).
     *
     * @return a tag, id and class, and right edge for each
     */
    @SuppressWarnings("unchecked")
    List<String> beyondTheRightEdge() {
        return (List<String>)
                script(
                        "const width = document.documentElement.clientWidth;"
                                + " return [...document.querySelectorAll('body *')]"
                                + ".filter(e => !e.closest('.table-scroll') && e.getClientRects().length"
                                + " && e.getBoundingClientRect().right > width + 0.5)"
                                + ".map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} right=${e.getBoundingClientRect().right}`);");
    }

    /** Runs a script in the page. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script, whose last argument is the callback that ends it. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String attribute(By by, String name) {
        return driver.findElement(by).getDomAttribute(name);
    }

    private static RowLocator row(String id) {
        return new RowLocator(id);
    }

    private void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(condition);
    }

    /** The CSS selector of a row and what is below it. */
    private record RowLocator(String id) {
        By cssSelector(String below) {
            return By.cssSelector("#components tbody tr[data-id='" + id + "']" + below);
        }
    }
}
