package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardDefinitionTest extends ServerTest {

    @Test
    void definedLeaderboardAcceptsActionsAndRedefiningIsIdempotent() {
        String board = "season-" + newUserId();
        String user = newUserId();
        String action = "{\"actionId\":\"a-1\",\"type\":\"quiz-completed\",\"leaderboardId\":\"" + board + "\"}";
        assertThat(api.submit(Tokens.player(user), action).status()).isEqualTo(404);

        Api.Response created = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Season 1\",\"description\":\"Autumn\"}");
        Api.Response same = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Season 1\",\"description\":\"Autumn\"}");
        Api.Response renamed = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Season One\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("leaderboardId").asText()).isEqualTo(board);
        assertThat(same.status()).isEqualTo(200);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(rows.eventsOf("board:" + board)).isEqualTo(2);
        assertThat(api.submit(Tokens.player(user), action).status()).isEqualTo(202);
    }

    @Test
    void configuredLeaderboardExistsWithoutDefinition() {
        String user = newUserId();

        Api.Response response = api.submit(Tokens.player(user),
                "{\"actionId\":\"a-1\",\"type\":\"quiz-completed\",\"leaderboardId\":\"weekly-quiz\"}");

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void aLeaderboardAndAPlayerWithTheSameNameNeverShareAStream() {
        api.put("/api/v1/admin/leaderboards/same-name", Tokens.admin(), "{\"name\":\"Same\"}");

        Api.Response response = api.submitAction(Tokens.player("same-name"), newActionId(), "quiz-completed");

        assertThat(response.status()).isEqualTo(202);
        assertThat(rows.eventsOf("same-name")).isEqualTo(1);
    }
}
