package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.ReadPool;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.RedisRankings;
import dev.leaderboard.query.rankings.RenderedReads;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.TierReads;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Board tiers as API.md defines them: ordered tiers cut by the ordinal rank, each holding what the tiers before it
 * left of its cut; their cutoff scores; the pages of a tier's players; a player's tier and percentile.
 */
class TiersTest extends ServerTest {

    /** gold: rank 1; silver: up to rank 10; bronze: up to 95 %; iron: everyone else. */
    private static final String TIERS = """
            [{"name":"gold","top":1},{"name":"silver","top":10},{"name":"bronze","topPercent":95},\
            {"name":"iron","topPercent":100}]""";

    @Autowired
    private ProjectionStatusReader status;
    @Autowired
    private Rankings rankings;
    @Autowired
    private PostgresRankings postgres;
    @Autowired
    private RenderedReads rendered;
    @Autowired
    private SliceParser slices;
    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private QueryProperties queryProperties;
    @Autowired
    @Qualifier(ReadPool.BOARDS)
    private BoardDirectory boards;

    @ParameterizedTest(name = "{0} players")
    @CsvSource(delimiter = '|', value = {
            "1    | gold 1..1, silver 2..1, bronze 2..1, iron 2..1",
            "9    | gold 1..1, silver 2..9, bronze 10..9, iron 10..9",
            "10   | gold 1..1, silver 2..10, bronze 11..10, iron 11..10",
            "11   | gold 1..1, silver 2..10, bronze 11..10, iron 11..11",
            "1000 | gold 1..1, silver 2..10, bronze 11..950, iron 951..1000"})
    void tierRangesAndCutoffsFollowTheBoardSize(int players, String expectedRanges) {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(players));
        ReadFixture.awaitProjected(status);

        JsonNode body = get("/api/v1/leaderboards/" + board + "/tiers").json();

        assertThat(body.get("leaderboardId").asText()).isEqualTo(board);
        assertThat(body.get("window").asText()).isEqualTo("all-time");
        assertThat(body.get("totalPlayers").asLong()).isEqualTo(players);
        assertThat(StreamSupport.stream(body.get("tiers").spliterator(), false)
                .map(t -> t.get("name").asText() + " " + t.get("fromRank").asLong() + ".." + t.get("toRank").asLong())
                .collect(Collectors.joining(", "))).isEqualTo(expectedRanges);
        for (JsonNode tier : body.get("tiers")) {
            long from = tier.get("fromRank").asLong();
            long to = tier.get("toRank").asLong();
            assertThat(tier.get("players").asLong()).isEqualTo(to - from + 1);
            if (to < from) {
                assertThat(tier.get("cutoffScore").isNull()).as("empty tier %s", tier).isTrue();
            } else {
                assertThat(tier.get("cutoffScore").asLong()).as("cutoff of %s", tier).isEqualTo(scoreAt(board, to));
            }
        }
    }

    @Test
    void aTieAtACutoffGoesToThePlayerWhoReachedTheScoreFirst() {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, List.of("achievement-unlocked", "quiz-perfect-score", "quiz-perfect-score",
                "level-up", "level-up", "level-up", "quiz-completed", "quiz-completed", "quiz-completed"));
        String early = BoardSeeds.fill(api, board, List.of("daily-login")).get(0);
        String late = BoardSeeds.fill(api, board, List.of("daily-login")).get(0);
        ReadFixture.awaitProjected(status);

        JsonNode tiers = get("/api/v1/leaderboards/" + board + "/tiers").json().get("tiers");
        JsonNode earlyLookup = get("/api/v1/leaderboards/" + board + "/players/" + early).json();
        JsonNode lateLookup = get("/api/v1/leaderboards/" + board + "/players/" + late).json();

        assertThat(tiers.get(1).toString())
                .isEqualTo("{\"name\":\"silver\",\"fromRank\":2,\"toRank\":10,\"cutoffScore\":5,\"players\":9}");
        assertThat(tiers.get(3).toString())
                .isEqualTo("{\"name\":\"iron\",\"fromRank\":11,\"toRank\":11,\"cutoffScore\":5,\"players\":1}");
        assertThat(earlyLookup.get("rank").asLong()).isEqualTo(10);
        assertThat(earlyLookup.get("tier").asText()).isEqualTo("silver");
        assertThat(lateLookup.get("rank").asLong()).isEqualTo(11);
        assertThat(lateLookup.get("tier").asText()).isEqualTo("iron");
        assertThat(lateLookup.get("score").asLong()).isEqualTo(earlyLookup.get("score").asLong());
        assertThat(userIds(get("/api/v1/leaderboards/" + board + "/tiers/silver/players?limit=20").json()))
                .hasSize(9).endsWith(early).doesNotContain(late);
        assertThat(userIds(get("/api/v1/leaderboards/" + board + "/tiers/iron/players").json()))
                .containsExactly(late);
    }

    @Test
    void thePlayerLookupKeepsItsFieldsAndAddsTierAndPercentile() {
        String board = BoardSeeds.define(api, TIERS);
        List<String> users = BoardSeeds.fill(api, board, List.of("achievement-unlocked", "quiz-perfect-score",
                "level-up", "quiz-completed"));
        ReadFixture.awaitProjected(status);

        JsonNode first = get("/api/v1/leaderboards/" + board + "/players/" + users.get(0) + "?context=0").json();
        JsonNode third = get("/api/v1/leaderboards/" + board + "/players/" + users.get(2) + "?context=0").json();

        assertThat(first.get("rank").asLong()).isEqualTo(1);
        assertThat(first.get("tier").asText()).isEqualTo("gold");
        assertThat(first.get("percentile").asDouble()).isEqualTo(75.0);
        assertThat(first.get("topPercent").asDouble()).isEqualTo(25.0);
        assertThat(third.get("tier").asText()).isEqualTo("silver");
        assertThat(third.get("percentile").asDouble()).isEqualTo(25.0);
        assertThat(third.get("entries")).hasSize(1);
        assertThat(third.has("totalPlayers")).isTrue();
    }

    @Test
    void aPlayerInNoTierHasANullTierAndABoardWithoutTiersListsNone() {
        String board = BoardSeeds.define(api, null);
        List<String> users = BoardSeeds.fill(api, board, List.of("level-up", "quiz-completed"));
        ReadFixture.awaitProjected(status);

        JsonNode lookup = get("/api/v1/leaderboards/" + board + "/players/" + users.get(1)).json();
        JsonNode tiers = get("/api/v1/leaderboards/" + board + "/tiers").json();

        assertThat(lookup.get("tier").isNull()).isTrue();
        assertThat(lookup.get("percentile").asDouble()).isEqualTo(0.0);
        assertThat(tiers.get("tiers")).isEmpty();
        assertThat(tiers.get("totalPlayers").asLong()).isEqualTo(2);
    }

    @Test
    void tierPlayersArePagedInRankOrderFromTheTiersFirstRank() {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(1000));
        ReadFixture.awaitProjected(status);
        String base = "/api/v1/leaderboards/" + board;

        JsonNode page = get(base + "/tiers/bronze/players?offset=100&limit=5").json();
        JsonNode same = get(base + "/rankings?offset=110&limit=5").json();
        JsonNode competition = get(base + "/tiers/bronze/players?offset=100&limit=5&rankStyle=competition").json();
        JsonNode competitionRankings = get(base + "/rankings?offset=110&limit=5&rankStyle=competition").json();
        JsonNode tail = get(base + "/tiers/iron/players?offset=45&limit=10").json();
        JsonNode past = get(base + "/tiers/iron/players?offset=50").json();

        assertThat(page.get("tier").asText()).isEqualTo("bronze");
        assertThat(page.get("fromRank").asLong()).isEqualTo(11);
        assertThat(page.get("toRank").asLong()).isEqualTo(950);
        assertThat(page.get("players").asLong()).isEqualTo(940);
        assertThat(page.get("totalPlayers").asLong()).isEqualTo(1000);
        assertThat(page.get("entries")).isEqualTo(same.get("entries"));
        assertThat(competition.get("entries")).isEqualTo(competitionRankings.get("entries"));
        assertThat(tail.get("entries")).hasSize(5);
        assertThat(tail.get("entries").get(4).get("rank").asLong()).isEqualTo(1000);
        assertThat(past.get("entries")).isEmpty();
    }

    @Test
    void postgresqlAnswersTheTiersReadsExactlyAsRedisDoes() {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(1000));
        ReadFixture.awaitProjected(status);
        Slice slice = slices.parse(board, null, null, null, null, null);
        // A key prefix with no generation pointer: Redis "cannot answer", so every read goes to PostgreSQL.
        Rankings postgresOnly = new Rankings(new RedisRankings(redis, new RedisKeys("no-such-prefix")), postgres,
                queryProperties);
        TierReads fromRedis = new TierReads(rankings, this::tiersOf, rendered);
        TierReads fromPostgres = new TierReads(postgresOnly, this::tiersOf, rendered);

        assertThat(rankings.scoresAt(slice, List.of(1L)).version()).as("Redis answered").isNotNull();
        assertThat(new String(fromPostgres.tiers(slice).body())).isEqualTo(new String(fromRedis.tiers(slice).body()));
        for (RankStyle style : RankStyle.values()) {
            for (String tier : List.of("gold", "silver", "bronze", "iron")) {
                assertThat(new String(fromPostgres.players(slice, tier, 7, 30, style).body())).as("%s %s", tier, style)
                        .isEqualTo(new String(fromRedis.players(slice, tier, 7, 30, style).body()));
            }
        }
    }

    @Test
    void configuredBoardsTakeTheirTiersFromConfiguration() {
        BoardSeeds.fill(api, "tiered-quiz", BoardSeeds.cycling(8));
        ReadFixture.awaitProjected(status);

        JsonNode tiers = get("/api/v1/leaderboards/tiered-quiz/tiers").json();
        JsonNode listed = StreamSupport.stream(get("/api/v1/leaderboards").json().spliterator(), false)
                .filter(b -> b.get("leaderboardId").asText().equals("tiered-quiz")).findFirst().orElseThrow();

        assertThat(tiers.get("tiers").findValuesAsText("name")).containsExactly("gold", "silver");
        assertThat(tiers.get("tiers").get(0).get("toRank").asLong()).isEqualTo(3);
        assertThat(listed.get("tiers").toString())
                .isEqualTo("[{\"name\":\"gold\",\"top\":3},{\"name\":\"silver\",\"topPercent\":25}]");
    }

    @Test
    void redefiningABoardChangesItsTiers() {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(4));
        ReadFixture.awaitProjected(status);
        assertThat(get("/api/v1/leaderboards/" + board + "/tiers").json().get("tiers")).hasSize(4);

        Api.Response redefined = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Test board\",\"tiers\":[{\"name\":\"winners\",\"topPercent\":50}]}");

        assertThat(redefined.status()).isEqualTo(200);
        assertThat(rows.eventsOf("board:" + board)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/leaderboards/" + board + "/tiers").json().get("tiers").toString())
                        .isEqualTo("[{\"name\":\"winners\",\"fromRank\":1,\"toRank\":2,\"cutoffScore\":50,"
                                + "\"players\":2}]"));
    }

    @Test
    void aTiersChangeChangesThePlayerLookupsEntityTag() {
        String board = BoardSeeds.define(api, TIERS);
        String player = BoardSeeds.fill(api, board, BoardSeeds.cycling(3)).get(0);
        ReadFixture.awaitProjected(status);
        String path = "/api/v1/leaderboards/" + board + "/players/" + player;
        String before = Api.exchange(api.request(path, null)).headers().firstValue("ETag").orElseThrow();
        assertThat(Api.exchange(api.request(path, null).header("If-None-Match", before)).statusCode()).isEqualTo(304);

        api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Test board\",\"tiers\":[{\"name\":\"champion\",\"top\":1}]}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var revalidated = Api.exchange(api.request(path, null).header("If-None-Match", before));
            assertThat(revalidated.statusCode()).isEqualTo(200);
            assertThat(revalidated.body()).contains("\"tier\":\"champion\"");
        });
    }

    @Test
    void tiersReadsCarryAnEntityTagAndCacheControl() {
        String board = BoardSeeds.define(api, TIERS);
        BoardSeeds.fill(api, board, BoardSeeds.cycling(3));
        ReadFixture.awaitProjected(status);
        String path = "/api/v1/leaderboards/" + board + "/tiers";

        var first = Api.exchange(api.request(path, null));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = Api.exchange(api.request(path, null).header("If-None-Match", etag));
        var players = Api.exchange(api.request(path + "/silver/players", null));

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=1");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(players.headers().firstValue("ETag")).isPresent();
        assertThat(players.headers().firstValue("Cache-Control")).hasValue("max-age=1");
    }

    @Test
    void anUnknownTierIsA404Problem() {
        String board = BoardSeeds.define(api, TIERS);

        Api.Response response = get("/api/v1/leaderboards/" + board + "/tiers/platinum/players");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains("no tier 'platinum'");
        assertThat(get("/api/v1/leaderboards/no-such-board/tiers").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tiers?rankStyle=olympic", "/tiers/gold/players?rankStyle=Dense",
            "/tiers/gold/players?limit=0", "/tiers/gold/players?offset=-1", "/tiers?window=yearly",
            "/tiers/gold/players?limit=1001"})
    void badTiersQueriesAre400Problems(String query) {
        Api.Response response = get("/api/v1/leaderboards/tiered-quiz" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"name\":\"gold\"}]",
            "[{\"name\":\"gold\",\"top\":3,\"topPercent\":5}]",
            "[{\"name\":\"gold\",\"top\":0}]",
            "[{\"name\":\"gold\",\"topPercent\":0}]",
            "[{\"name\":\"gold\",\"topPercent\":100.5}]",
            "[{\"name\":\"gold\",\"topPercent\":1E-999999999}]",
            "[{\"name\":\"no spaces\",\"top\":1}]",
            "[{\"top\":1}]",
            "[null]",
            "[{\"name\":\"gold\",\"top\":1},{\"name\":\"gold\",\"topPercent\":10}]",
            "[{\"name\":\"gold\",\"top\":\"many\"}]",
            "{\"name\":\"gold\"}"})
    void badTiersInADefinitionAre400ProblemsAndDefineNothing(String tiers) {
        String board = "b-" + newUserId();

        Api.Response response = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Bad\",\"tiers\":" + tiers + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(rows.eventsOf("board:" + board)).isZero();
    }

    @Test
    void moreThanTwentyTiersAreRefused() {
        String tiers = IntStream.rangeClosed(1, 21).mapToObj(i -> "{\"name\":\"t" + i + "\",\"top\":" + i + "}")
                .collect(Collectors.joining(",", "[", "]"));

        Api.Response response = api.put("/api/v1/admin/leaderboards/b-" + newUserId(), Tokens.admin(),
                "{\"name\":\"Many\",\"tiers\":" + tiers + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("at most 20 tiers");
    }

    private List<Tier> tiersOf(String board) {
        return boards.find(board).map(LeaderboardDefinition::tiers).orElse(List.of());
    }

    private long scoreAt(String board, long rank) {
        return get("/api/v1/leaderboards/" + board + "/rankings?offset=" + (rank - 1) + "&limit=1").json()
                .get("entries").get(0).get("score").asLong();
    }

    private Api.Response get(String path) {
        return api.get(path, null);
    }

    private static List<String> userIds(JsonNode page) {
        return page.get("entries").findValuesAsText("userId");
    }
}
