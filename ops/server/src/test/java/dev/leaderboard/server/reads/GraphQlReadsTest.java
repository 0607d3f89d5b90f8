package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GraphQL at {@code /api/v1/graphql}: the same answers, refusals and limits as the REST reads. */
class GraphQlReadsTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANKING_FIELDS = "leaderboardId window period { key start end } totalPlayers offset"
            + " limit entries { rank userId score }";
    private static final String PLAYER_FIELDS = "leaderboardId window period { key start end } userId rank score"
            + " totalPlayers topPercent percentile tier entries { rank userId score }";

    private String board;
    private String first;
    private String second;

    @BeforeEach
    void boardWithATie() {
        board = "gql-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(), "{\"name\":\"GraphQL\","
                + "\"tiers\":[{\"name\":\"gold\",\"top\":1},{\"name\":\"others\",\"topPercent\":100}]}").status())
                .isEqualTo(201);
        first = newUserId();
        second = newUserId();
        String third = newUserId();
        submit(first, "quiz-completed");
        submit(second, "quiz-completed");
        submit(third, "level-up");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/leaderboards/" + board + "/rankings", null).json().path("totalPlayers").asLong() == 3);
    }

    @Test
    void rankingsEqualTheRestAnswerFieldForField() {
        JsonNode rest = api.get("/api/v1/leaderboards/" + board + "/rankings?window=weekly&offset=1&limit=2", null)
                .json();

        JsonNode graphql = query("{ rankings(leaderboardId: \"" + board + "\", window: \"weekly\", offset: 1,"
                + " limit: 2) { " + RANKING_FIELDS + " } }");

        assertThat(graphql.path("errors").isMissingNode()).as(graphql.toString()).isTrue();
        assertThat(graphql.path("data").path("rankings")).isEqualTo(rest);
        assertThat(rest.path("entries").get(0).path("userId").asText()).isEqualTo(first);
    }

    @Test
    void playerLookupEqualsTheRestAnswerFieldForField() {
        JsonNode rest = api.get("/api/v1/leaderboards/" + board + "/players/" + second + "?context=1", null).json();

        JsonNode graphql = query("{ player(leaderboardId: \"" + board + "\", userId: \"" + second + "\", context: 1)"
                + " { " + PLAYER_FIELDS + " } }");

        assertThat(graphql.path("data").path("player")).isEqualTo(rest);
    }

    @Test
    void tiersAndATiersPlayersEqualTheRestAnswers() {
        JsonNode restTiers = api.get("/api/v1/leaderboards/" + board + "/tiers?window=weekly", null).json();
        JsonNode restPage = api.get("/api/v1/leaderboards/" + board + "/tiers/others/players?window=weekly"
                + "&rankStyle=competition", null).json();

        JsonNode tiers = query("{ tiers(leaderboardId: \"" + board + "\", window: \"weekly\") { leaderboardId window"
                + " period { key start end } totalPlayers tiers { name fromRank toRank cutoffScore players } } }");
        JsonNode page = query("{ tierPlayers(leaderboardId: \"" + board + "\", tier: \"others\", window: \"weekly\","
                + " rankStyle: \"competition\") { leaderboardId window period { key start end } tier fromRank toRank"
                + " players totalPlayers offset limit entries { rank userId score } } }");

        assertThat(tiers.path("data").path("tiers")).isEqualTo(restTiers);
        assertThat(page.path("data").path("tierPlayers")).isEqualTo(restPage);
        assertThat(restPage.path("entries").findValuesAsText("rank")).containsExactly("2", "2");
    }

    @Test
    void boardsAreListed() {
        JsonNode graphql = query("{ leaderboards { leaderboardId name } }");

        assertThat(graphql.path("data").path("leaderboards").findValuesAsText("leaderboardId")).contains(board,
                "global");
    }

    @Test
    void badArgumentsAreRefusedWithTheRestReasonAndStatus() {
        String restDetail = api.get("/api/v1/leaderboards/" + board + "/rankings?limit=0", null).json()
                .path("detail").asText();

        JsonNode error = query("{ rankings(leaderboardId: \"" + board + "\", limit: 0) { totalPlayers } }")
                .path("errors").get(0);

        assertThat(error.path("message").asText()).isEqualTo(restDetail);
        assertThat(error.path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void unknownBoardsAndPlayersAreNotFound() {
        JsonNode board404 = query("{ rankings(leaderboardId: \"no-such-board\") { totalPlayers } }");
        JsonNode player404 = query("{ player(leaderboardId: \"" + board + "\", userId: \"nobody\") { rank } }");

        assertThat(board404.path("errors").get(0).path("extensions").path("status").asInt()).isEqualTo(404);
        assertThat(player404.path("data").path("player").isNull()).isTrue();
        assertThat(player404.path("errors").get(0).path("extensions").path("classification").asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aRequestAskingForMoreRowsThanTheLimitIsRefusedBeforeItRuns() {
        String page = "rankings(leaderboardId: \"" + board + "\", limit: 1000) { totalPlayers }";

        JsonNode refused = query("{ a: " + page + " b: " + page + " c: " + page + " }");

        assertThat(refused.path("data").isMissingNode() || refused.path("data").isNull()).isTrue();
        assertThat(refused.path("errors").get(0).path("message").asText()).containsIgnoringCase("complexity");
    }

    @Test
    void scoresBeyond32BitsAreWhole64BitNumbers() {
        JsonNode graphql = query("{ rankings(leaderboardId: \"" + board + "\", offset: 4294967296) { offset } }");

        assertThat(graphql.path("data").path("rankings").path("offset").asLong()).isEqualTo(4_294_967_296L);
    }

    @Test
    void aBodyThatIsNotAGraphQlRequestIsABadRequestProblem() {
        Api.Response response = api.post("/api/v1/graphql", null, "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    private JsonNode query(String query) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        Api.Response response = api.post("/api/v1/graphql", null, body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void submit(String user, String type) {
        Api.Response response = api.submit(Tokens.player(user), "{\"actionId\":\"" + newActionId() + "\",\"type\":\""
                + type + "\",\"leaderboardId\":\"" + board + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
}
