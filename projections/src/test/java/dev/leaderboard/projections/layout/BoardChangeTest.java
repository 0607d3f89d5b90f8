package dev.leaderboard.projections.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.eventstore.StoredJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification's JSON, which instances of two versions exchange during a rolling upgrade. */
class BoardChangeTest {

    private final ObjectMapper json = StoredJson.newObjectMapper();

    @Test
    void aChangeIsTheBoardAndItsVersionAndTellsOlderReadersTheTopChanged() throws Exception {
        BoardChange change = new BoardChange("global", "daily", "2026-03-01", new BoardVersion(2, 1700, 9));

        String written = json.writeValueAsString(change);

        assertThat(json.readTree(written).get("topChanged").asBoolean()).isTrue();
        assertThat(json.readTree(written).has("top")).isFalse();
        assertThat(json.readValue(written, BoardChange.class)).isEqualTo(change);
    }

    @Test
    void aNotificationOfThePreviousVersionIsStillRead() throws Exception {
        String previous = """
                {"leaderboardId":"global","window":"daily","period":"2026-03-01",
                 "version":{"generation":2,"epoch":1700,"counter":9},"totalPlayers":3,"topChanged":false,
                 "top":[{"userId":"ann","score":10}]}""";

        assertThat(json.readValue(previous, BoardChange.class))
                .isEqualTo(new BoardChange("global", "daily", "2026-03-01", new BoardVersion(2, 1700, 9)));
    }

    @Test
    void aResetNamesNoBoard() throws Exception {
        BoardChange reset = json.readValue(json.writeValueAsString(BoardChange.reset()), BoardChange.class);

        assertThat(reset.isReset()).isTrue();
    }
}
