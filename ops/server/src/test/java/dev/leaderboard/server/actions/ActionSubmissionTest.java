package dev.leaderboard.server.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionSubmissionTest extends ServerTest {

    @Test
    void acceptedActionIsInTheEventStoreWhenTheResponseArrives() {
        String user = newUserId();
        String actionId = newActionId();

        Api.Response response = api.submitAction(Tokens.player(user), actionId, "quiz-completed");

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("actionId").asText()).isEqualTo(actionId);
        assertThat(body.get("userId").asText()).isEqualTo(user);
        assertThat(body.get("leaderboardId").asText()).isEqualTo("global");
        assertThat(body.get("type").asText()).isEqualTo("quiz-completed");
        assertThat(body.get("points").asLong()).isEqualTo(10);
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        // exactly the fields API.md names
        assertThat(body.fieldNames()).toIterable().containsExactly("actionId", "userId", "leaderboardId", "type",
                "points", "status");
        assertThat(rows.eventsOf(user)).isEqualTo(1);
        assertThat(rows.ledgerRowsOf(user)).isEqualTo(1);
        assertThat(rows.latestAllTimeTotalOf(user, "global")).isEqualTo(10);
    }

    @Test
    void duplicateActionIsCountedOnceAndAnsweredWithTheOriginalOutcome() {
        String user = newUserId();
        String actionId = newActionId();
        String token = Tokens.player(user);
        api.submitAction(token, actionId, "level-up");

        Api.Response again = api.submitAction(token, actionId, "level-up");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("points").asLong()).isEqualTo(25);
        assertThat(rows.eventsOf(user)).isEqualTo(1);
        assertThat(rows.storedPointsOf(user)).isEqualTo(25);
    }

    @Test
    void sameActionIdForAnotherTypeIsAConflictAndChangesNothing() {
        String user = newUserId();
        String actionId = newActionId();
        String token = Tokens.player(user);
        api.submitAction(token, actionId, "level-up");

        Api.Response conflict = api.submitAction(token, actionId, "quiz-completed");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();
        assertThat(rows.eventsOf(user)).isEqualTo(1);
    }

    @Test
    void sameActionIdFromAnotherPlayerIsAnotherAction() {
        String actionId = newActionId();
        String first = newUserId();
        String second = newUserId();

        assertThat(api.submitAction(Tokens.player(first), actionId, "daily-login").status()).isEqualTo(202);
        assertThat(api.submitAction(Tokens.player(second), actionId, "daily-login").status()).isEqualTo(202);
    }

    @Test
    void totalsAccumulatePerLeaderboard() {
        String user = newUserId();
        String token = Tokens.player(user);
        api.submitAction(token, newActionId(), "quiz-completed");
        api.submitAction(token, newActionId(), "quiz-perfect-score");
        api.submit(token, "{\"actionId\":\"" + newActionId() + "\",\"type\":\"level-up\",\"leaderboardId\":\"weekly-quiz\"}");

        assertThat(rows.latestAllTimeTotalOf(user, "global")).isEqualTo(60);
        assertThat(rows.latestAllTimeTotalOf(user, "weekly-quiz")).isEqualTo(25);
    }

    @Test
    void serviceTokenSubmitsForThePlayerNamedInTheBody() {
        String user = newUserId();

        Api.Response response = api.submit(Tokens.service("quiz-engine"),
                "{\"actionId\":\"" + newActionId() + "\",\"type\":\"quiz-completed\",\"userId\":\"" + user + "\"}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("userId").asText()).isEqualTo(user);
        assertThat(rows.eventsOf(user)).isEqualTo(1);
        assertThat(rows.eventsOf("quiz-engine")).isZero();
    }

    @Test
    void historyIsTheAuditLogWithTotalsAndRequestOrigin() {
        String user = newUserId();
        String token = Tokens.player(user);
        String firstAction = newActionId();
        api.send(api.request("/api/v1/actions", token)
                .header("Content-Type", "application/json")
                .header("User-Agent", "quiz-app/1.2")
                .header("X-Request-Id", "req-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"actionId\":\"" + firstAction + "\",\"type\":\"quiz-completed\",\"attributes\":{\"quiz\":\"q1\"}}")));
        api.submitAction(token, newActionId(), "level-up");

        Api.Response history = api.get("/api/v1/admin/players/" + user + "/history", Tokens.admin());

        assertThat(history.status()).isEqualTo(200);
        JsonNode entries = history.json();
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0);
        assertThat(first.get("type").asText()).isEqualTo("ScoreIncreased");
        assertThat(first.get("actionId").asText()).isEqualTo(firstAction);
        assertThat(first.get("actionType").asText()).isEqualTo("quiz-completed");
        assertThat(first.get("points").asLong()).isEqualTo(10);
        assertThat(first.get("totalsAfter").get("allTime").asLong()).isEqualTo(10);
        assertThat(first.get("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(first.get("userAgent").asText()).isEqualTo("quiz-app/1.2");
        assertThat(first.get("requestId").asText()).isEqualTo("req-42");
        assertThat(first.get("submittedBy").asText()).isEqualTo(user);
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(entries.get(1).get("totalsAfter").get("allTime").asLong()).isEqualTo(35);
    }

    @Test
    void actionTypesListTheServerSidePoints() {
        Api.Response response = api.get("/api/v1/action-types", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).contains("{\"type\":\"quiz-completed\",\"points\":10}");
    }
}
