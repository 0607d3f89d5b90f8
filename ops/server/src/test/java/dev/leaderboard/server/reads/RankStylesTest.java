package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rankStyle}: the same rows in the same order, numbered ordinal (1234), competition (1224) or dense (1223), on
 * rankings, the player lookup and exports, exact on any page (the first row's rank counts the whole board above it).
 */
class RankStylesTest extends ServerTest {

    /** Scores 100, 50, 50, 25, 10, 10, 10, 5. */
    private static final List<String> WITH_TIES = List.of("achievement-unlocked", "quiz-perfect-score",
            "quiz-perfect-score", "level-up", "quiz-completed", "quiz-completed", "quiz-completed", "daily-login");

    @Autowired
    private ProjectionStatusReader status;
    @Autowired
    private Rankings rankings;
    @Autowired
    private PostgresRankings postgres;
    @Autowired
    private SliceParser slices;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ordinal     | 1 2 3 4 5 6 7 8 | 3 4 5 | 6 7 8",
            "competition | 1 2 2 4 5 5 5 8 | 2 4 5 | 5 5 8",
            "dense       | 1 2 2 3 4 4 4 5 | 2 3 4 | 4 4 5"})
    void eachStyleNumbersTheSameRowsOnEveryPage(String style, String all, String fromThird, String fromSixth) {
        String board = tiedBoard();
        String rankings = "/api/v1/leaderboards/" + board + "/rankings?rankStyle=" + style;

        JsonNode whole = get(rankings).json();

        assertThat(ranks(whole)).isEqualTo(numbers(all));
        assertThat(scores(whole)).containsExactly(100L, 50L, 50L, 25L, 10L, 10L, 10L, 5L);
        assertThat(ranks(get(rankings + "&offset=2&limit=3").json())).isEqualTo(numbers(fromThird));
        assertThat(ranks(get(rankings + "&offset=5&limit=3").json())).isEqualTo(numbers(fromSixth));
        assertThat(ranks(get(rankings + "&window=daily&offset=5&limit=3").json())).isEqualTo(numbers(fromSixth));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(ranks(get(rankings + "&window=custom&from=" + today + "&to=" + today + "&offset=5&limit=3")
                .json())).isEqualTo(numbers(fromSixth));
    }

    @Test
    void ordinalIsTheDefault() {
        String board = tiedBoard();

        assertThat(get("/api/v1/leaderboards/" + board + "/rankings").json().get("entries"))
                .isEqualTo(get("/api/v1/leaderboards/" + board + "/rankings?rankStyle=ordinal").json().get("entries"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ordinal | 8 | 6 7 8", "competition | 8 | 5 5 8", "dense | 5 | 4 4 5"})
    void thePlayerLookupNumbersThePlayerAndTheNeighboursInTheStyle(String style, long rank, String neighbours) {
        String board = BoardSeeds.define(api, null);
        List<String> users = BoardSeeds.fill(api, board, WITH_TIES);
        ReadFixture.awaitProjected(status);

        JsonNode last = get("/api/v1/leaderboards/" + board + "/players/" + users.get(7) + "?context=1&rankStyle="
                + style).json();

        assertThat(last.get("rank").asLong()).isEqualTo(rank);
        assertThat(ranks(last)).isEqualTo(numbers(neighbours));
        assertThat(last.get("topPercent").asDouble()).as("from the ordinal rank").isEqualTo(100.0);
        assertThat(last.get("percentile").asDouble()).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ordinal | 1 2 3 4 5 6 7 8", "competition | 1 2 2 4 5 5 5 8",
            "dense | 1 2 2 3 4 4 4 5"})
    void exportsNumberEveryRowInTheStyle(String style, String expected) {
        String board = tiedBoard();
        String export = "/api/v1/leaderboards/" + board + "/export?rankStyle=" + style;

        List<Long> ndjson = new ArrayList<>();
        for (String line : get(export).body().split("\n")) {
            ndjson.add(Long.parseLong(line.substring("{\"rank\":".length(), line.indexOf(','))));
        }
        List<Long> csv = Arrays.stream(get(export + "&format=csv").body().split("\n")).skip(1)
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList();

        assertThat(ndjson).isEqualTo(numbers(expected));
        assertThat(csv).isEqualTo(numbers(expected));
    }

    /**
     * Deep pages of a 1,000-player board with 5 scores: each style's ranks on any page equal those of a walk from the
     * top, from Redis and from PostgreSQL alike.
     */
    @Test
    void deepPagesAreExactAndPostgresqlNumbersThemAsRedisDoes() {
        String board = BoardSeeds.define(api, null);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(1000));
        ReadFixture.awaitProjected(status);
        Slice slice = slices.parse(board, null, null, null, null, null);
        List<RankedEntry> whole = rankings.page(slice, 0, 1000, RankStyle.ORDINAL).value().entries();

        for (RankStyle style : RankStyle.values()) {
            RankStyle.Numbering walk = style.fromTop();
            List<Long> expected = whole.stream().map(e -> walk.next(e.score())).toList();
            for (int offset : new int[] {0, 199, 200, 201, 517, 990}) {
                List<RankedEntry> page = rankings.page(slice, offset, 10, style).value().entries();
                List<RankedEntry> fromPostgres = postgres.page((Slice.OfPeriod) slice, offset, 10, style).entries();

                assertThat(page).extracting(RankedEntry::rank).as("%s at %d", style, offset)
                        .isEqualTo(expected.subList(offset, offset + 10));
                assertThat(fromPostgres).as("%s at %d from PostgreSQL", style, offset).isEqualTo(page);
            }
            String deepPlayer = whole.get(777).userId();
            assertThat(rankings.position(slice, deepPlayer, 3, style).value().orElseThrow())
                    .isEqualTo(postgres.position((Slice.OfPeriod) slice, deepPlayer, 3, style).orElseThrow());
            JsonNode lookup = get("/api/v1/leaderboards/" + board + "/players/" + deepPlayer + "?rankStyle="
                    + style.id()).json();
            assertThat(lookup.get("rank").asLong()).isEqualTo(expected.get(777));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rankings?rankStyle=olympic", "/rankings?rankStyle=DENSE", "/players/someone?rankStyle=x",
            "/export?rankStyle=1224", "/rankings?rankStyle=dense&rankStyle=ordinal"})
    void anUnknownRankStyleIsA400Problem(String query) {
        Api.Response response = get("/api/v1/leaderboards/global" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains("rankStyle");
    }

    private String tiedBoard() {
        String board = BoardSeeds.define(api, null);
        BoardSeeds.fill(api, board, WITH_TIES);
        ReadFixture.awaitProjected(status);
        return board;
    }

    private Api.Response get(String path) {
        return api.get(path, null);
    }

    private static List<Long> ranks(JsonNode body) {
        return BoardSeeds.numbers(body, "rank");
    }

    private static List<Long> scores(JsonNode body) {
        return BoardSeeds.numbers(body, "score");
    }

    private static List<Long> numbers(String spaced) {
        return Arrays.stream(spaced.trim().split(" +")).map(Long::parseLong).toList();
    }
}
