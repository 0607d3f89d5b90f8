package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of bad input gets its 4xx as problem+json, and nothing is written. */
class BadInputTest extends ServerTest {

    private Api.Response submitAs(String user, String json) {
        return api.submit(Tokens.player(user), json);
    }

    private void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[]",
            "{\"actionId\":\"a\"}",
            "{\"type\":\"quiz-completed\"}",
            "{\"actionId\":\"\",\"type\":\"quiz-completed\"}",
            "{\"actionId\":\"has spaces\",\"type\":\"quiz-completed\"}",
            "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"points\":1000}",
            "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"attributes\":\"not-an-object\"}",
            "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"leaderboardId\":\"no/slashes\"}",
            "{\"actionId\":{\"nested\":1},\"type\":\"quiz-completed\"}"
    })
    void malformedOrInvalidBodyIsRejectedWith400(String body) {
        String user = newUserId();

        assertProblem(submitAs(user, body), 400);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void fieldErrorsNameTheField() {
        Api.Response response = submitAs(newUserId(), "{\"type\":\"quiz-completed\"}");

        assertThat(response.json().get("errors").toString()).contains("actionId");
    }

    @Test
    void tooManyAttributesAreRejectedWith400() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        String user = newUserId();

        assertProblem(submitAs(user, "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"attributes\":{"
                + attributes + "}}"), 400);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void errorResponsesCarryTheRequestId() {
        Api.Response unauthorized = api.send(api.request("/api/v1/actions", null)
                .header("Content-Type", "application/json").header("X-Request-Id", "req-err-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        Api.Response unprocessable = submitAs(newUserId(), "{\"actionId\":\"a\",\"type\":\"teleported\"}");

        assertThat(unauthorized.requestId()).isEqualTo("req-err-1");
        assertThat(unprocessable.requestId()).isNotBlank();
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        Api.Response response = api.submit(null, "{\"actionId\":\"a\",\"type\":\"quiz-completed\"}");

        assertProblem(response, 401);
    }

    @Test
    void expiredForgedOrExpiryLessTokensAre401() {
        String user = newUserId();
        String body = "{\"actionId\":\"a\",\"type\":\"quiz-completed\"}";

        assertProblem(api.submit(Tokens.expired(user), body), 401);
        assertProblem(api.submit(Tokens.signedWithOtherKey(user), body), 401);
        assertProblem(api.submit(Tokens.withoutExpiry(user), body), 401);
        assertProblem(api.submit("not-a-jwt", body), 401);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void tokenWithoutSubmitScopeIs403() {
        String user = newUserId();

        assertProblem(api.submit(Tokens.withScopes(user, "admin"),
                "{\"actionId\":\"a\",\"type\":\"quiz-completed\"}"), 403);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void playerSubmittingForAnotherPlayerIs403() {
        String user = newUserId();
        String victim = newUserId();

        assertProblem(api.submit(Tokens.player(user),
                "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"userId\":\"" + victim + "\"}"), 403);
        assertThat(rows.eventsOf(victim)).isZero();
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void unknownLeaderboardIs404() {
        String user = newUserId();

        assertProblem(submitAs(user, "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"leaderboardId\":\"nope\"}"),
                404);
        assertThat(rows.eventsOf(user)).isZero();
        assertThat(rows.ledgerRowsOf(user)).isZero();
    }

    @Test
    void unknownActionTypeIs422() {
        String user = newUserId();

        assertProblem(submitAs(user, "{\"actionId\":\"a\",\"type\":\"teleported\"}"), 422);
        assertThat(rows.eventsOf(user)).isZero();
        assertThat(rows.ledgerRowsOf(user)).isZero();
    }

    @Test
    void bodyOverTheLimitIs413() {
        String user = newUserId();
        String huge = "{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"attributes\":{\"blob\":\""
                + "x".repeat(20_000) + "\"}}";

        assertProblem(submitAs(user, huge), 413);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        String user = newUserId();
        byte[] huge = ("{\"actionId\":\"a\",\"type\":\"quiz-completed\",\"attributes\":{\"blob\":\""
                + "x".repeat(20_000) + "\"}}").getBytes(StandardCharsets.UTF_8);

        Api.Response response = api.send(api.request("/api/v1/actions", Tokens.player(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertProblem(response, 413);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void nonJsonContentTypeIs415() {
        String user = newUserId();

        Api.Response response = api.send(api.request("/api/v1/actions", Tokens.player(user))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"actionId\":\"a\",\"type\":\"quiz-completed\"}")));

        assertProblem(response, 415);
        assertThat(rows.eventsOf(user)).isZero();
    }

    @Test
    void adminEndpointsNeedTheAdminScope() {
        String user = newUserId();

        assertProblem(api.get("/api/v1/admin/players/" + user + "/history", Tokens.player(user)), 403);
        assertProblem(api.get("/api/v1/admin/players/" + user + "/history", null), 401);
        assertProblem(api.put("/api/v1/admin/leaderboards/b1", Tokens.service("svc"), "{\"name\":\"B\"}"), 403);
    }

    @Test
    void historyOfUnknownPlayerIs404AndOfInvalidIdIs400() {
        assertProblem(api.get("/api/v1/admin/players/" + newUserId() + "/history", Tokens.admin()), 404);
        assertProblem(api.get("/api/v1/admin/players/bad:id/history", Tokens.admin()), 400);
    }

    @Test
    void invalidLeaderboardDefinitionsAre400() {
        assertProblem(api.put("/api/v1/admin/leaderboards/ok-id", Tokens.admin(), "{\"description\":\"x\"}"), 400);
        assertProblem(api.put("/api/v1/admin/leaderboards/" + "x".repeat(65), Tokens.admin(), "{\"name\":\"B\"}"),
                400);
        assertProblem(api.put("/api/v1/admin/leaderboards/ok-id", Tokens.admin(), "{\"name\":\"" + "n".repeat(201)
                + "\"}"), 400);
    }

    @Test
    void unknownPathIs404ProblemAndWrongMethodIs405() {
        assertProblem(api.get("/api/v1/nothing-here", Tokens.admin()), 404);
        assertProblem(api.get("/api/v1/actions", Tokens.player(newUserId())), 405);
    }
}
