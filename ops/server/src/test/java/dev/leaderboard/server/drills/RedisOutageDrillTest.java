package dev.leaderboard.server.drills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.embedded.EmbeddedRedisServer;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.server.projections.ProjectionProgress;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.RestartableServer;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TcpProxy;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: Redis goes away under a server with every role and the edge rate limits on. Unreachable with its data kept
 * (a proxy cut, restored), and really stopped and started again (without persistence, so it comes back empty). Reads
 * are answered from PostgreSQL with the same answers, commands are accepted, the projection waits; afterwards Redis
 * holds what PostgreSQL holds, every action counted once.
 */
class RedisOutageDrillTest {

    private static final String RANKINGS = "/api/v1/leaderboards/global/rankings?limit=200";
    private static final long POINTS = 10;
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(120);

    private static RestartableServer<EmbeddedRedisServer> redis;
    private static TcpProxy proxy;
    private static ServerInstance server;

    @BeforeAll
    static void startServer() {
        redis = RestartableServer.start(EmbeddedRedisServer::start, EmbeddedRedisServer::port);
        proxy = TcpProxy.to(redis.port());
        // A short command timeout keeps the outage short: Axon's wait before it retries a failing segment doubles
        // with every failure (up to 60 s), so a longer outage only makes the drill slower, not different.
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), proxy.port(), null,
                "leaderboard.rate-limits.enabled=true", "spring.data.redis.timeout=500ms");
    }

    @AfterAll
    static void stopServer() {
        server.close();
        proxy.close();
        redis.close();
    }

    @Test
    void whileRedisIsUnreachableReadsComeFromPostgresAndCommandsGoOnAndTheProjectionCatchesUpAfter() {
        List<String> players = players("cut");
        submit(players, "before");
        List<JsonNode> before = caughtUpReads(players);

        proxy.cut();

        assertThat(reads(players)).as("answered from PostgreSQL, the same").isEqualTo(before);
        submit(players, "during");
        await("the projection falls behind").atMost(Duration.ofSeconds(30))
                .until(() -> server.bean(ProjectionStatusReader.class).standings().lag() > 0);
        assertThat(reads(players)).isEqualTo(before);
        JsonNode health = server.api().get("/health", null).json();
        assertThat(health.at("/components/redis/status").asText()).isEqualTo("DOWN");
        assertThat(server.api().get("/readiness", null).status()).as("reads fall back to PostgreSQL: stay in rotation")
                .isEqualTo(200);

        proxy.restore();

        assertAllCountedOnce(players, 2);
    }

    @Test
    void redisStoppedAndStartedEmptyIsRestoredFromPostgresAndCatchesUp() {
        List<String> players = players("restart");
        submit(players, "before");
        List<JsonNode> before = caughtUpReads(players);

        redis.stop();

        assertThat(reads(players)).as("answered from PostgreSQL, the same").isEqualTo(before);
        submit(players, "during");

        redis.restart();

        assertAllCountedOnce(players, 2);
    }

    private static List<String> players(String drill) {
        return IntStream.range(0, 4).mapToObj(i -> "redis-" + drill + "-" + i).toList();
    }

    private static void submit(List<String> players, String actionId) {
        for (String player : players) {
            assertThat(server.api().submitAction(Tokens.player(player), actionId, "quiz-completed").status())
                    .as("%s of %s", actionId, player).isEqualTo(202);
        }
    }

    private static List<JsonNode> caughtUpReads(List<String> players) {
        ProjectionProgress.awaitCaughtUp(server);
        Standings standings = Standings.of(server);
        await().atMost(Duration.ofSeconds(30)).until(() -> standings.redisBoards().equals(standings.postgresBoards()));
        return reads(players);
    }

    /** A page of the board and the first player's position in it. */
    private static List<JsonNode> reads(List<String> players) {
        return List.of(read(RANKINGS), read("/api/v1/leaderboards/global/players/" + players.getFirst()));
    }

    private static JsonNode read(String path) {
        Api.Response response = server.api().get(path, null);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json();
    }

    private static void assertAllCountedOnce(List<String> players, int actionsEach) {
        Standings standings = Standings.of(server);
        ProjectionProgress.awaitCaughtUp(server, AFTER_OUTAGE);
        await("Redis equals PostgreSQL").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> standings.redisBoards().equals(standings.postgresBoards()));
        for (String player : players) {
            assertThat(server.rows().eventsOf(player)).isEqualTo(actionsEach);
            assertThat(server.rows().ledgerRowsOf(player)).isEqualTo(actionsEach);
        }
        assertThat(standings.redisBoard("global|all-time|all-time"))
                .filteredOn(entry -> players.contains(entry.userId())).hasSize(players.size())
                .allSatisfy(entry -> assertThat(entry.score()).isEqualTo(actionsEach * POINTS));
        assertThat(reads(players).getFirst().get("entries").findValuesAsText("userId")).containsAll(players);
    }
}
