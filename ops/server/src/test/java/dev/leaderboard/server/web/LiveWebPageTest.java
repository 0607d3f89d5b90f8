package dev.leaderboard.server.web;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page at {@code /} in a real headless Chromium against a real server (embedded PostgreSQL and Redis):
 * actions go in through the public API, and the page, opened once and never reloaded, must show their effect.
 */
class LiveWebPageTest {

    private static final Path TARGET = Path.of("target");

    private static ServerInstance server;
    private static HeadlessChromium browser;
    private static Api api;
    private static String baseUrl;

    private LivePage page;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1200, 1500);   // first: a missing browser fails at once, with its name
        // The server's clock stays at noon: a run crossing midnight UTC would otherwise reset the daily board mid-test.
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(),
                new MutableClock(Instant.parse("2026-11-18T12:00:00Z")));
        int port = ((WebServerApplicationContext) server.context()).getWebServer().getPort();
        api = server.api();
        baseUrl = "http://127.0.0.1:" + port + "/";
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void screenshotOfTheLastState(TestInfo test) {
        // Kept next to the main screenshot so a failed run shows what the browser saw last.
        if (browser != null) {
            saveScreenshot("live-page-last-" + test.getTestMethod().orElseThrow().getName() + ".png");
        }
    }

    @Test
    void topTenUpdatesLiveWithoutReloadAndFollowsWindowAndBoardSwitches() {
        page = new LivePage(browser.driver(), baseUrl).open();
        page.await("the stream to be live on an empty board",
                () -> "live".equals(page.connectionState()) && page.displayed("rankings-empty"));
        assertThat(page.boardIds()).contains("global", "weekly-quiz");
        assertThat(page.selectedWindow()).isEqualTo("all-time");
        assertThat(page.text("period")).isEqualTo("All time");
        assertThat(page.text("total-players")).isEqualTo("0");
        assertThat(page.rows()).isEmpty();
        page.mark("opened-once");

        submit("alice", "quiz-perfect-score");   // 50
        submit("bob", "level-up");               // 25
        submit("carol", "quiz-completed");       // 10
        page.awaitRows(List.of("1 alice 50", "2 bob 25", "3 carol 10"));
        page.await("3 players", () -> page.text("total-players").equals("3"));

        submit("carol", "quiz-perfect-score");   // carol 60 overtakes alice and bob
        page.awaitRows(List.of("1 carol 60", "2 alice 50", "3 bob 25"));

        page.switchWindow("daily");
        String today = api.get("/api/v1/leaderboards/global/rankings?window=daily", null)
                .json().path("period").path("key").asText();
        assertThat(today).matches("\\d{4}-\\d{2}-\\d{2}");
        page.await("the daily period " + today, () -> page.text("period").equals(today));
        assertThat(page.selectedWindow()).isEqualTo("daily");
        page.awaitRows(List.of("1 carol 60", "2 alice 50", "3 bob 25"));
        page.await("the daily stream to be live", () -> "live".equals(page.connectionState()));

        submit("bob", "quiz-perfect-score");     // bob 75 leads today
        page.awaitRows(List.of("1 bob 75", "2 carol 60", "3 alice 50"));

        page.switchWindow("weekly");
        page.await("a weekly period key", () -> page.text("period").matches("\\d{4}-W\\d{2}"));
        page.awaitRows(List.of("1 bob 75", "2 carol 60", "3 alice 50"));

        page.selectBoard("weekly-quiz");
        page.await("the empty weekly-quiz board",
                () -> page.displayed("rankings-empty") && page.rows().isEmpty()
                        && page.text("total-players").equals("0"));
        submit("dave", "level-up", "weekly-quiz");
        page.awaitRows(List.of("1 dave 25"));
        assertThat(page.text("period")).matches("\\d{4}-W\\d{2}");

        assertThat(page.mark()).as("the page was never reloaded").isEqualTo("opened-once");
        assertThat(page.connectionState()).isEqualTo("live");
    }

    @Test
    void playerLookupShowsRankScoreTopPercentAndNeighboursOrSaysNotFound() {
        String board = "lookup-league";
        assertThat(api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Lookup league\",\"description\":\"Twelve players, one to two actions each\"}").status())
                .isIn(200, 201);
        // l-01 … l-12 end with distinct scores, in that order from last to first.
        Map<String, List<String>> actions = new LinkedHashMap<>();
        actions.put("l-01", List.of("daily-login"));                              // 5
        actions.put("l-02", List.of("quiz-completed"));                           // 10
        actions.put("l-03", List.of("daily-login", "quiz-completed"));            // 15
        actions.put("l-04", List.of("quiz-completed", "quiz-completed"));         // 20
        actions.put("l-05", List.of("level-up"));                                 // 25
        actions.put("l-06", List.of("level-up", "daily-login"));                  // 30
        actions.put("l-07", List.of("level-up", "quiz-completed"));               // 35
        actions.put("l-08", List.of("quiz-perfect-score"));                       // 50
        actions.put("l-09", List.of("quiz-perfect-score", "daily-login"));        // 55
        actions.put("l-10", List.of("quiz-perfect-score", "quiz-completed"));     // 60
        actions.put("l-11", List.of("quiz-perfect-score", "level-up"));           // 75
        actions.put("l-12", List.of("achievement-unlocked"));                     // 100
        actions.forEach((user, types) -> types.forEach(type -> submit(user, type, board)));
        List<String> ranked = List.of("1 l-12 100", "2 l-11 75", "3 l-10 60", "4 l-09 55", "5 l-08 50",
                "6 l-07 35", "7 l-06 30", "8 l-05 25", "9 l-04 20", "10 l-03 15", "11 l-02 10", "12 l-01 5");

        page = new LivePage(browser.driver(), baseUrl).open();
        page.await("the board list", () -> page.boardIds().contains(board));
        page.selectBoard(board);
        page.awaitRows(ranked.subList(0, 10));
        page.await("12 players", () -> page.text("total-players").equals("12"));

        page.lookUp("l-06");
        page.await("the lookup of l-06", () -> page.displayed("lookup-result") && !page.lookupRows().isEmpty());
        assertThat(page.text("lookup-player")).isEqualTo("l-06");
        assertThat(page.text("lookup-rank")).isEqualTo("#7 of 12");
        assertThat(page.text("lookup-score")).isEqualTo("30");
        assertThat(page.text("lookup-top-percent")).isEqualTo("58.3%");   // 7 / 12
        // context 5: five rows either side, centred on rank 7
        assertThat(page.lookupRows()).isEqualTo(ranked.subList(1, 12));
        assertThat(page.highlightedLookupPlayers()).containsExactly("l-06");
        assertThat(page.displayed("lookup-message")).isFalse();
        saveScreenshot("live-page.png");

        page.lookUp("l-12");
        page.await("the lookup of l-12", () -> page.text("lookup-rank").equals("#1 of 12"));
        assertThat(page.lookupRows()).as("the window shifts down at the top, never cut short")
                .isEqualTo(ranked.subList(0, 11));
        assertThat(page.highlightedLookupPlayers()).containsExactly("l-12");
        assertThat(page.text("lookup-top-percent")).isEqualTo("8.33%");  // 1 / 12

        page.lookUp("nobody-here");
        page.await("the not-found message", () -> page.displayed("lookup-message"));
        assertThat(page.text("lookup-message")).contains("No score for").contains("nobody-here")
                .contains("Lookup league");
        assertThat(page.displayed("lookup-result")).isFalse();
        assertThat(page.lookupRows()).isEmpty();
    }

    private static void submit(String user, String type) {
        submit(user, type, "global");
    }

    private static void submit(String user, String type, String board) {
        Api.Response response = api.submit(Tokens.player(user), "{\"actionId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"" + type + "\",\"leaderboardId\":\"" + board + "\"}");
        assertThat(response.status()).as("%s %s on %s: %s", user, type, board, response.body()).isEqualTo(202);
    }

    private static void saveScreenshot(String name) {
        try {
            Files.createDirectories(TARGET);
            Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, TARGET.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + name, e);
        }
    }
}
