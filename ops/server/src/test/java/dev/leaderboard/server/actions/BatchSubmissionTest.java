package dev.leaderboard.server.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/actions/batch}: one result per item in request order; one bad item never rejects the others. */
class BatchSubmissionTest extends ServerTest {

    @Test
    void batchWithBadItemsAcceptsTheGoodOnesAndAnswersEachInOrder() {
        String alice = newUserId();
        String earlier = newActionId();
        assertThat(api.submitAction(Tokens.player(alice), earlier, "quiz-completed").status()).isEqualTo(202);
        String fresh = newActionId();

        Api.Response response = api.submitBatch(Tokens.player(alice), "{\"actions\":["
                + action(fresh, "level-up") + ","
                + action(newActionId(), "no-such-type") + ","
                + "{\"actionId\":\"" + newActionId() + "\",\"type\":\"quiz-completed\",\"points\":1000},"
                + "{\"actionId\":\"" + newActionId() + "\",\"type\":\"quiz-completed\",\"userId\":\"someone-else\"},"
                + action(earlier, "quiz-completed") + ","
                + action(earlier, "level-up") + ","
                + "{\"actionId\":\"" + newActionId() + "\",\"type\":\"quiz-completed\",\"leaderboardId\":\"nope\"},"
                + "{\"type\":\"quiz-completed\"},"
                + action(fresh, "level-up")
                + "]}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(statuses(results)).containsExactly("accepted", "rejected", "rejected", "rejected", "duplicate",
                "rejected", "rejected", "rejected", "duplicate");
        assertThat(problemStatuses(results)).containsExactly(0, 422, 400, 403, 0, 409, 404, 400, 0);
        assertThat(results.get(0).get("points").asLong()).isEqualTo(25);
        assertThat(results.get(0).get("actionId").asText()).isEqualTo(fresh);
        assertThat(results.get(2).get("problem").get("detail").asText()).contains("points");
        assertThat(results.get(1).has("points")).isFalse();

        assertThat(rows.eventsOf(alice)).isEqualTo(2);
        assertThat(rows.latestAllTimeTotalOf(alice, "global")).isEqualTo(35);
        assertThat(rows.ledgerRowsOf(alice)).isEqualTo(2);
    }

    @Test
    void batchOfManyPlayersIsStoredInOneTransaction() {
        List<String> players = IntStream.range(0, 50).mapToObj(i -> newUserId()).toList();
        String body = players.stream()
                .map(p -> "{\"actionId\":\"" + newActionId() + "\",\"type\":\"quiz-completed\",\"userId\":\"" + p
                        + "\"}")
                .collect(Collectors.joining(",", "{\"actions\":[", "]}"));

        Api.Response response = api.submitBatch(Tokens.service("game-backend"), body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response.json().get("results"))).hasSize(50).containsOnly("accepted");
        assertThat(rows.transactionsThatWroteEventsOf(players)).isEqualTo(1);
        assertThat(rows.transactionsThatWroteLedgerRowsOf(players)).isEqualTo(1);
        players.forEach(p -> assertThat(rows.eventsOf(p)).isEqualTo(1));
    }

    @Test
    void batchWithTheSameNewPlayerSeveralTimesAddsUpInOrder() {
        String bob = newUserId();
        Api.Response response = api.submitBatch(Tokens.player(bob), "{\"actions\":["
                + action(newActionId(), "quiz-completed") + "," + action(newActionId(), "level-up") + ","
                + action(newActionId(), "quiz-perfect-score") + "]}");

        assertThat(statuses(response.json().get("results"))).containsExactly("accepted", "accepted", "accepted");
        assertThat(rows.eventsOf(bob)).isEqualTo(3);
        assertThat(rows.latestAllTimeTotalOf(bob, "global")).isEqualTo(85);
    }

    @Test
    void emptyBatchIsABadRequest() {
        Api.Response response = api.submitBatch(Tokens.player(newUserId()), "{\"actions\":[]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void malformedBatchIsABadRequestAndWritesNothing() {
        String carol = newUserId();
        Api.Response response = api.submitBatch(Tokens.player(carol), "{\"actions\":[" + action(newActionId(),
                "quiz-completed") + ",");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(rows.eventsOf(carol)).isZero();
    }

    @Test
    void moreThanAThousandItemsIsTooLargeAndWritesNothing() {
        String dave = newUserId();
        String body = IntStream.range(0, 1001).mapToObj(i -> action("a" + i, "quiz-completed"))
                .collect(Collectors.joining(",", "{\"actions\":[", "]}"));
        Api.Response response = api.submitBatch(Tokens.player(dave), body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(rows.eventsOf(dave)).isZero();
    }

    @Test
    void batchNeedsAPlayerOrServiceToken() {
        assertThat(api.submitBatch(null, "{\"actions\":[" + action("a", "quiz-completed") + "]}").status())
                .isEqualTo(401);
        assertThat(api.submitBatch(Tokens.admin(), "{\"actions\":[" + action("a", "quiz-completed") + "]}")
                .status()).isEqualTo(403);
    }

    private static String action(String actionId, String type) {
        return "{\"actionId\":\"" + actionId + "\",\"type\":\"" + type + "\"}";
    }

    private static List<String> statuses(JsonNode results) {
        return IntStream.range(0, results.size()).mapToObj(i -> results.get(i).get("status").asText()).toList();
    }

    private static List<Integer> problemStatuses(JsonNode results) {
        return IntStream.range(0, results.size())
                .mapToObj(i -> results.get(i).has("problem") ? results.get(i).get("problem").get("status").asInt() : 0)
                .toList();
    }
}
