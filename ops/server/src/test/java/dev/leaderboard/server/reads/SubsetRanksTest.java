package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.SubsetRanks;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.leaderboard.server.reads.ReadFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST …/rankings/subset}: given players' board ranks, their ranks among themselves, and who has no score. */
class SubsetRanksTest {

    private static final String SUBSET = "/api/v1/leaderboards/global/rankings/subset";
    private static ServerInstance server;
    private static Api api;

    @BeforeAll
    static void fivePlayers() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl());
        api = server.api();
        submit(api, "top", "1", "achievement-unlocked");   // 100, rank 1
        submit(api, "mid", "1", "quiz-perfect-score");     // 50, rank 2
        submit(api, "other", "1", "level-up");             // 25, rank 3
        submit(api, "tie-first", "1", "quiz-completed");   // 10, reached first: rank 4
        submit(api, "tie-second", "1", "quiz-completed");  // 10, rank 5
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theGivenPlayersComeInRankOrderWithTheirBoardRanksAndRanksAmongThemselves() {
        Api.Response response = api.post(SUBSET, null,
                "{\"userIds\":[\"tie-second\",\"top\",\"nobody\",\"tie-first\",\"tie-second\"]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("""
                {"leaderboardId":"global","window":"all-time",\
                "period":{"key":"all-time","start":null,"end":null},"totalPlayers":5,\
                "entries":[{"userId":"top","rank":1,"score":100,"subsetRank":1},\
                {"userId":"tie-first","rank":4,"score":10,"subsetRank":2},\
                {"userId":"tie-second","rank":5,"score":10,"subsetRank":3}],\
                "missing":["nobody"]}""");
    }

    @Test
    void aWindowAndPeriodAreReadAsOnTheOtherReads() {
        JsonNode body = api.post(SUBSET + "?window=weekly", null, "{\"userIds\":[\"mid\",\"other\"]}").json();

        assertThat(body.get("window").asText()).isEqualTo("weekly");
        assertThat(body.get("entries").findValuesAsText("userId")).containsExactly("mid", "other");
        assertThat(body.get("entries").findValuesAsText("rank")).containsExactly("2", "3");
    }

    @Test
    void postgresqlAnswersExactlyAsRedisDoes() {
        // Rankings answers from Redis while it holds the board; PostgreSQL answers when it cannot
        Slice.OfPeriod slice = (Slice.OfPeriod) server.bean(SliceParser.class).parse("global", null, null, null,
                null, null);
        List<String> ids = List.of("other", "nobody", "tie-second", "mid", "top", "tie-first");

        SubsetRanks fromRedis = server.bean(Rankings.class).subset(slice, ids);
        SubsetRanks fromPostgres = server.bean(PostgresRankings.class).subset(slice, ids);

        assertThat(fromPostgres).isEqualTo(fromRedis);
        assertThat(fromRedis.found()).extracting(e -> e.userId())
                .containsExactly("top", "mid", "other", "tie-first", "tie-second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userIds\":[]}", "{}", "{\"userIds\":[\"bad id\"]}", "{\"userIds\":[null]}",
            "{\"userIds\":\"top\"}", "not json"})
    void badBodiesAre400Problems(String body) {
        Api.Response response = api.post(SUBSET, null, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void moreThanAThousandDistinctIdsAreRefused() {
        String ids = IntStream.range(0, 1_001).mapToObj(i -> "\"p" + i + "\"")
                .collect(Collectors.joining(",", "{\"userIds\":[", "]}"));

        Api.Response response = api.post(SUBSET, null, ids);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("1 to 1000");
    }

    @Test
    void customRangesAndUnknownBoardsAreRefused() {
        assertThat(api.post(SUBSET + "?window=custom", null, "{\"userIds\":[\"top\"]}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/leaderboards/no-such-board/rankings/subset", null, "{\"userIds\":[\"top\"]}")
                .status()).isEqualTo(404);
    }
}
