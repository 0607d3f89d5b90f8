package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static dev.leaderboard.server.reads.ReadFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rankings and player context exactly as API.md defines them. Seven players with distinct all-time totals:
 * g 100, f 85, e 60, d 50, c 35, b 25, a 10 (ranks 1..7).
 */
class RankingsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-18T12:00:00Z")); // W47
    private static ServerInstance server;
    private static Api api;

    @BeforeAll
    static void sevenPlayers() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), CLOCK);
        api = server.api();
        submit(api, "a", "1", "quiz-completed");                       // 10
        submit(api, "b", "1", "level-up");                             // 25
        submit(api, "c", "1", "level-up");
        submit(api, "c", "2", "quiz-completed");                       // 35
        submit(api, "d", "1", "quiz-perfect-score");                   // 50
        submit(api, "e", "1", "quiz-perfect-score");
        submit(api, "e", "2", "quiz-completed");                       // 60
        submit(api, "f", "1", "quiz-perfect-score");
        submit(api, "f", "2", "level-up");
        submit(api, "f", "3", "daily-login");
        submit(api, "f", "4", "daily-login");                          // 85
        submit(api, "g", "1", "achievement-unlocked");                 // 100
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rankingsJsonIsExactlyTheContract() {
        JsonNode body = api.get("/api/v1/leaderboards/global/rankings?window=weekly&offset=1&limit=2", null).json();

        assertThat(body.toString()).isEqualTo("""
                {"leaderboardId":"global","window":"weekly",\
                "period":{"key":"2026-W47","start":"2026-11-16T00:00:00Z","end":"2026-11-23T00:00:00Z"},\
                "totalPlayers":7,"offset":1,"limit":2,\
                "entries":[{"rank":2,"userId":"f","score":85},{"rank":3,"userId":"e","score":60}]}""");
    }

    @Test
    void allTimeIsTheDefaultWindowAndHasNoPeriodBounds() {
        JsonNode body = api.get("/api/v1/leaderboards/global/rankings", null).json();

        assertThat(body.get("window").asText()).isEqualTo("all-time");
        assertThat(body.get("period").toString()).isEqualTo("{\"key\":\"all-time\",\"start\":null,\"end\":null}");
        assertThat(body.get("limit").asInt()).isEqualTo(10);
        assertThat(body.get("entries")).hasSize(7);
        assertThat(body.get("entries").get(0).toString()).isEqualTo("{\"rank\":1,\"userId\":\"g\",\"score\":100}");
        assertThat(body.get("entries").get(6).toString()).isEqualTo("{\"rank\":7,\"userId\":\"a\",\"score\":10}");
    }

    @Test
    void leaderboardsAreListed() {
        JsonNode boards = api.get("/api/v1/leaderboards", null).json();

        assertThat(boards.findValuesAsText("leaderboardId")).contains("global", "weekly-quiz");
    }

    @Test
    void neighbourWindowIsCentredOnThePlayer() {
        JsonNode body = api.get("/api/v1/leaderboards/global/players/d?context=2", null).json();

        assertThat(body.get("rank").asLong()).isEqualTo(4);
        assertThat(body.get("score").asLong()).isEqualTo(50);
        assertThat(body.get("totalPlayers").asLong()).isEqualTo(7);
        assertThat(body.get("topPercent").asDouble()).isEqualTo(4 * 100.0 / 7);
        assertThat(ranks(body)).containsExactly(2, 3, 4, 5, 6);
        assertThat(body.get("userId").asText()).isEqualTo("d");
        assertThat(body.get("window").asText()).isEqualTo("all-time");
    }

    @Test
    void neighbourWindowAtRankOneShiftsDownInsteadOfShrinking() {
        JsonNode body = api.get("/api/v1/leaderboards/global/players/g?context=2", null).json();

        assertThat(body.get("rank").asLong()).isEqualTo(1);
        assertThat(ranks(body)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void neighbourWindowAtTheLastRankShiftsUpInsteadOfShrinking() {
        JsonNode body = api.get("/api/v1/leaderboards/global/players/a?context=2", null).json();

        assertThat(body.get("rank").asLong()).isEqualTo(7);
        assertThat(body.get("topPercent").asDouble()).isEqualTo(100.0);
        assertThat(ranks(body)).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void boardSmallerThanTheWindowReturnsEveryRow() {
        JsonNode body = api.get("/api/v1/leaderboards/global/players/c?context=5", null).json();

        assertThat(ranks(body)).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void playerWithoutAScoreIs404() {
        Api.Response response = api.get("/api/v1/leaderboards/global/players/nobody", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/rankings?window=yearly",
            "/rankings?window=weekly&period=2026-47",
            "/rankings?window=weekly&period=2026-W54",
            "/rankings?window=monthly&period=2026-13",
            "/rankings?window=daily&period=2026-02-30",
            "/rankings?limit=0",
            "/rankings?limit=1001",
            "/rankings?offset=-1",
            "/rankings?limit=ten",
            "/rankings?window=custom&from=2026-11-10",
            "/rankings?window=custom&from=2026-11-10&to=2026-11-01",
            "/rankings?window=custom&from=2026-11-xx&to=2026-11-12",
            "/rankings?window=custom&from=2025-01-01&to=2026-01-02",
            "/rankings?window=daily&from=2026-11-01&to=2026-11-02",
            "/players/a?context=51",
            "/players/a?context=-1",
            "/players/bad:id",
            "/export?format=xml",
            "/stream?top=0",
            "/stream?top=101",
            "/stream?window=custom&from=2026-11-01&to=2026-11-02"
    })
    void badParametersAre400Problems(String path) {
        Api.Response response = api.get("/api/v1/leaderboards/global" + path, null);

        assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rankings", "/players/a", "/export", "/stream"})
    void unknownBoardIs404Problem(String path) {
        Api.Response response = api.get("/api/v1/leaderboards/no-such-board" + path, null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void customRangeOfOneDayEqualsThatDay() {
        JsonNode daily = api.get("/api/v1/leaderboards/global/rankings?window=daily&period=2026-11-18", null).json();
        JsonNode custom = api.get(
                "/api/v1/leaderboards/global/rankings?window=custom&from=2026-11-18&to=2026-11-18", null).json();

        assertThat(custom.get("entries")).isEqualTo(daily.get("entries"));
        assertThat(custom.get("window").asText()).isEqualTo("custom");
        assertThat(custom.get("period").get("start").asText()).isEqualTo("2026-11-18T00:00:00Z");
        assertThat(custom.get("period").get("end").asText()).isEqualTo("2026-11-19T00:00:00Z");
    }

    private static java.util.List<Integer> ranks(JsonNode body) {
        java.util.List<Integer> ranks = new java.util.ArrayList<>();
        body.get("entries").forEach(e -> ranks.add(e.get("rank").asInt()));
        return ranks;
    }
}
