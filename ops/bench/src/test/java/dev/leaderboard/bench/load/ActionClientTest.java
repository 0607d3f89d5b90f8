package dev.leaderboard.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionClientTest {

    @Test
    void aBatchBodyIsTheContractsJson() throws Exception {
        String body = ActionClient.batchJson(List.of(new ActionClient.Action("p1", "a-1"),
                new ActionClient.Action("p2", "a-2")));

        var tree = new ObjectMapper().readTree(body);
        assertThat(tree.path("actions")).hasSize(2);
        assertThat(tree.path("actions").get(1).path("userId").asText()).isEqualTo("p2");
        assertThat(tree.path("actions").get(1).path("actionId").asText()).isEqualTo("a-2");
        assertThat(tree.path("actions").get(0).path("type").asText()).isEqualTo(ActionClient.ACTION_TYPE);
    }

    @Test
    void aBatchAnswerCountsItsItemsByStatusAndIgnoresTheProblemsNumericStatus() {
        String body = """
                {"results":[{"actionId":"a","userId":"p","leaderboardId":"global","type":"quiz-completed","points":10,"status":"accepted"},
                {"actionId":"b","userId":"p","leaderboardId":"global","type":"quiz-completed","points":10,"status":"duplicate"},
                {"actionId":"c","userId":"p","leaderboardId":"global","type":"x","status":"rejected","problem":{"status":422,"title":"t","detail":"d"}}]}""";

        Outcome outcome = ActionClient.ofBatch(200, body, 3);

        assertThat(outcome.actions()).isEqualTo(3);
        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.label()).isEqualTo("200 not all accepted");
        assertThat(outcome.statuses()).containsEntry("accepted", 1).containsEntry("duplicate", 1)
                .containsEntry("rejected", 1);
    }

    @Test
    void aBatchAnswerThatDoesNotAccountForEveryItemOrIsNot200CountsNothingAsAccepted() {
        assertThat(ActionClient.ofBatch(200, "{\"results\":[{\"status\":\"accepted\"}]}", 2).accepted()).isZero();
        Outcome tooLarge = ActionClient.ofBatch(413, "{}", 5);
        assertThat(tooLarge.accepted()).isZero();
        assertThat(tooLarge.statuses()).containsEntry("413", 5);
        assertThat(ActionClient.ofBatch(200, "{\"results\":[{\"status\":\"accepted\"},{\"status\":\"accepted\"}]}",
                2).allAccepted()).isTrue();
    }

    @Test
    void aSingleAnswerIsAcceptedOnlyWhenStored() {
        assertThat(Outcome.ofSingle(202, "{\"status\":\"accepted\"}").allAccepted()).isTrue();
        assertThat(Outcome.ofSingle(202, "{\"status\":\"queued\"}").allAccepted()).isFalse();
        assertThat(Outcome.ofSingle(200, "{\"status\":\"duplicate\"}").statuses()).containsEntry("duplicate", 1);
        assertThat(Outcome.ofSingle(503, "").label()).isEqualTo("503");
    }
}
