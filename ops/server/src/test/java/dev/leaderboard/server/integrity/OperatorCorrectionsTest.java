package dev.leaderboard.server.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators' corrections over the real server: caps, suspensions and adjustments, and what readers see of them. */
class OperatorCorrectionsTest extends ServerTest {

    private String newBoard() {
        String board = "b-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(), "{\"name\":\"Corrections\"}")
                .status()).isEqualTo(201);
        return board;
    }

    private Api.Response act(String user, String board, String type) {
        return api.submit(Tokens.player(user), "{\"actionId\":\"" + newActionId() + "\",\"type\":\"" + type
                + "\",\"leaderboardId\":\"" + board + "\"}");
    }

    private List<String> rankedUsers(String board) {
        List<String> users = new ArrayList<>();
        api.get("/api/v1/leaderboards/" + board + "/rankings?limit=100", null).json().get("entries")
                .forEach(e -> users.add(e.get("userId").asText() + "=" + e.get("score").asLong()));
        return users;
    }

    @Test
    void aCapRefusesTheSecondDailyBonusOfADayAndItScoresNothing() {
        String user = newUserId();
        assertThat(act(user, "global", "daily-bonus").status()).isEqualTo(202);

        Api.Response second = act(user, "global", "daily-bonus");

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().get("reason").asText()).isEqualTo("cap-reached");
        assertThat(rows.eventsOf(user)).isEqualTo(1);
        assertThat(rows.storedPointsOf(user)).isEqualTo(5);
    }

    @Test
    void anAdjustmentMovesThePlayersRankAndAppearsInHistoryWithItsReason() {
        String board = newBoard();
        String leader = newUserId();
        String chaser = newUserId();
        act(leader, board, "level-up");
        act(chaser, board, "quiz-completed");
        await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsers(board).equals(
                List.of(leader + "=25", chaser + "=10")));

        Api.Response adjusted = api.post("/api/v1/admin/players/" + chaser + "/adjustments", Tokens.admin(),
                "{\"leaderboardId\":\"" + board + "\",\"points\":20,\"reason\":\"missed quiz answers, ticket 42\"}");

        assertThat(adjusted.status()).isEqualTo(201);
        assertThat(adjusted.json().get("totals").get("allTime").asLong()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsers(board).equals(
                List.of(chaser + "=30", leader + "=25")));
        JsonNode history = api.get("/api/v1/admin/players/" + chaser + "/history", Tokens.admin()).json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ScoreAdjusted");
        assertThat(last.get("points").asLong()).isEqualTo(20);
        assertThat(last.get("reason").asText()).isEqualTo("missed quiz answers, ticket 42");
        assertThat(last.get("operator").asText()).isEqualTo("operator");
    }

    @Test
    void aNegativeAdjustmentNeverTakesATotalBelowZero() {
        String board = newBoard();
        String user = newUserId();
        act(user, board, "quiz-completed");

        Api.Response adjusted = api.post("/api/v1/admin/players/" + user + "/adjustments", Tokens.admin(),
                "{\"leaderboardId\":\"" + board + "\",\"points\":-500,\"reason\":\"farmed\"}");

        assertThat(adjusted.status()).isEqualTo(201);
        assertThat(adjusted.json().get("totals").get("allTime").asLong()).isZero();
        assertThat(adjusted.json().get("totals").get("daily").get("total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsers(board).equals(List.of(user + "=0")));
    }

    @Test
    void aSuspendedPlayerIsGoneFromEveryReadAndReturnsWithTheirTotalsWhenReinstated() throws Exception {
        String board = newBoard();
        String cheater = newUserId();
        String honest = newUserId();
        act(cheater, board, "level-up");
        act(cheater, board, "level-up");
        act(honest, board, "quiz-completed");
        await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsers(board).equals(
                List.of(cheater + "=50", honest + "=10")));

        try (SseClient stream = new SseClient(port(), "/api/v1/leaderboards/" + board + "/stream?top=5")) {
            assertThat(stream.next(Duration.ofSeconds(10)).data().get("entries")).hasSize(2);

            Api.Response suspended = api.put("/api/v1/admin/players/" + cheater + "/suspension", Tokens.admin(),
                    "{\"reason\":\"bot traffic\"}");

            assertThat(suspended.status()).isEqualTo(200);
            assertThat(suspended.json().get("suspended").asBoolean()).isTrue();
            for (String window : List.of("all-time", "daily", "weekly", "monthly")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsersIn(board, window)
                        .equals(List.of(honest + "=10")));
            }
            SseClient.Event change = stream.next(Duration.ofSeconds(30));
            assertThat(change.data().get("entries")).hasSize(1);
            assertThat(change.data().get("entries").get(0).get("userId").asText()).isEqualTo(honest);
        }
        assertThat(api.get("/api/v1/leaderboards/" + board + "/players/" + cheater, null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/leaderboards/" + board + "/export?format=csv", null).body())
                .doesNotContain(cheater).contains(honest);
        Api.Response refused = act(cheater, board, "quiz-completed");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asText()).isEqualTo("suspended");

        Api.Response reinstated = api.delete("/api/v1/admin/players/" + cheater + "/suspension", Tokens.admin(),
                "{\"reason\":\"appeal accepted\"}");

        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.json().get("suspended").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> rankedUsers(board).equals(
                List.of(cheater + "=50", honest + "=10")));
        assertThat(api.get("/api/v1/leaderboards/" + board + "/players/" + cheater, null).json()
                .get("rank").asInt()).isEqualTo(1);
        assertThat(act(cheater, board, "quiz-completed").status()).isEqualTo(202);
    }

    @Test
    void reinstatingAPlayerWhoIsNotSuspendedIs404AndAdjustingAnUnknownPlayerIs404() {
        String user = newUserId();
        act(user, "global", "quiz-completed");

        Api.Response notSuspended = api.delete("/api/v1/admin/players/" + user + "/suspension", Tokens.admin(),
                "{\"reason\":\"?\"}");
        Api.Response unknown = api.post("/api/v1/admin/players/" + newUserId() + "/adjustments", Tokens.admin(),
                "{\"points\":5,\"reason\":\"?\"}");

        assertThat(notSuspended.status()).isEqualTo(404);
        assertThat(notSuspended.isProblem()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void badCorrectionsAre400AndChangeNothing() {
        String user = newUserId();
        act(user, "global", "quiz-completed");
        String path = "/api/v1/admin/players/" + user + "/adjustments";

        for (String body : List.of("{\"points\":0,\"reason\":\"x\"}", "{\"points\":5}",
                "{\"points\":5,\"reason\":\"  \"}", "{\"points\":\"many\",\"reason\":\"x\"}",
                "{\"points\":9007199254740993,\"reason\":\"x\"}", "{\"points\":5,\"reason\":\"x\",\"leaderboardId\":\"a b\"}")) {
            Api.Response response = api.post(path, Tokens.admin(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.isProblem()).as(body).isTrue();
        }
        assertThat(api.put("/api/v1/admin/players/" + user + "/suspension", Tokens.admin(), "{}").status())
                .isEqualTo(400);
        assertThat(rows.eventsOf(user)).isEqualTo(1);
    }

    @Test
    void correctionsNeedTheAdminScope() {
        String user = newUserId();
        act(user, "global", "quiz-completed");

        assertThat(api.post("/api/v1/admin/players/" + user + "/adjustments", Tokens.player(user),
                "{\"points\":500,\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/admin/players/" + user + "/suspension", Tokens.service("svc"),
                "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/flags", Tokens.player(user)).status()).isEqualTo(403);
        assertThat(rows.eventsOf(user)).isEqualTo(1);
    }

    private List<String> rankedUsersIn(String board, String window) {
        List<String> users = new ArrayList<>();
        api.get("/api/v1/leaderboards/" + board + "/rankings?limit=100&window=" + window, null).json()
                .get("entries").forEach(e -> users.add(e.get("userId").asText() + "=" + e.get("score").asLong()));
        return users;
    }
}
