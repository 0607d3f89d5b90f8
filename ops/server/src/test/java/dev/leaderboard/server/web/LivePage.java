package dev.leaderboard.server.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The live page at {@code /} as a user sees it: what it shows (visible text) and what can be done on it. */
final class LivePage {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String url;

    LivePage(WebDriver driver, String url) {
        this.driver = driver;
        this.url = url;
    }

    LivePage open() {
        driver.get(url);
        return this;
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    /** The top-10 rows as "rank player score", in table order. */
    List<String> rows() {
        return rowsOf("ranking-row");
    }

    /** The lookup's neighbour rows as "rank player score", in table order. */
    List<String> lookupRows() {
        return rowsOf("lookup-row");
    }

    /** The player of the lookup row marked as the one looked up (highlighted, {@code aria-current}). */
    List<String> highlightedLookupPlayers() {
        return driver.findElements(By.cssSelector("[data-testid=lookup-row][aria-current=true] td.player")).stream()
                .map(WebElement::getText).toList();
    }

    String connectionState() {
        return byTestId("connection-status").getDomAttribute("data-state");
    }

    String text(String testId) {
        return byTestId(testId).getText();
    }

    boolean displayed(String testId) {
        return byTestId(testId).isDisplayed();
    }

    List<String> boardIds() {
        return new Select(byTestId("board-select")).getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
    }

    String selectedWindow() {
        return driver.findElement(By.cssSelector("[data-testid=window-switcher] [aria-pressed=true]"))
                .getDomAttribute("data-window");
    }

    // ---- what a user does --------------------------------------------------------------------------------------

    void switchWindow(String window) {
        byTestId("window-" + window).click();
    }

    void selectBoard(String leaderboardId) {
        new Select(byTestId("board-select")).selectByValue(leaderboardId);
    }

    void lookUp(String userId) {
        WebElement input = byTestId("lookup-input");
        input.clear();
        input.sendKeys(userId);
        byTestId("lookup-button").click();
    }

    /** Leaves a mark in the page's JavaScript state: it survives updates in place, and is gone after a reload. */
    void mark(String value) {
        ((JavascriptExecutor) driver).executeScript("window.__liveTestMark = arguments[0];", value);
    }

    Object mark() {
        return ((JavascriptExecutor) driver).executeScript("return window.__liveTestMark;");
    }

    // ---- waiting -------------------------------------------------------------------------------------------------

    /** Waits until the condition holds; on timeout the failure names what was expected and what the page showed. */
    void await(String expectation, Supplier<Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage(() -> expectation + "; the page showed: " + describe())
                .until((Function<WebDriver, Boolean>) d -> condition.get());
    }

    void awaitRows(List<String> expected) {
        await("top 10 rows " + expected, () -> rows().equals(expected));
    }

    String describe() {
        try {
            return "status=" + connectionState() + ", window=" + selectedWindow() + ", period=" + text("period")
                    + ", players=" + text("total-players") + ", rows=" + rows() + ", lookup=" + lookupRows()
                    + ", lookupMessage=" + text("lookup-message") + ", error=" + text("rankings-error");
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private List<String> rowsOf(String testId) {
        return driver.findElements(By.cssSelector("[data-testid=" + testId + "]")).stream()
                .map(row -> String.join(" ", row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText).toList()))
                .toList();
    }

    private WebElement byTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    }
}
