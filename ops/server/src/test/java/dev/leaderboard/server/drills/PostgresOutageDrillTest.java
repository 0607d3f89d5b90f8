package dev.leaderboard.server.drills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.embedded.EmbeddedPostgresServer;
import dev.leaderboard.server.kafka.IngressTopics;
import dev.leaderboard.server.projections.ProjectionProgress;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.RestartableServer;
import dev.leaderboard.server.support.RetryLater;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: PostgreSQL stops (a real stop of the server process, for a few seconds) and starts again with its data,
 * under two instances: one in direct mode with every role (it also consumes the Kafka ingress), one in Kafka ingress
 * mode with the command role only. Commands are refused with a 503 and leave nothing behind, reads of what Redis
 * holds are answered from it, queued actions wait on Kafka, and everything resumes by itself: nothing accepted is
 * lost or counted twice.
 */
class PostgresOutageDrillTest {

    // past the hot-page cache (first 100 rows), so the answer really comes from Redis
    private static final String RANKINGS = "/api/v1/leaderboards/global/rankings?limit=200";
    private static final long POINTS = 10;
    private static final int BEFORE = 2;
    private static final int QUEUED = 3;

    @TempDir
    Path dataDirectory;

    @Test
    void commandsAre503WhileReadsAndQueueingGoOnAndEverythingResumesWithNothingLostOrCountedTwice() {
        IngressTopics topics = IngressTopics.unique();
        List<String> players = IntStream.range(0, 4).mapToObj(i -> "pg-drill-" + i).toList();
        String first = players.getFirst();
        String playerRead = "/api/v1/leaderboards/global/players/" + first;
        try (RestartableServer<EmbeddedPostgresServer> postgres = RestartableServer.start(
                port -> EmbeddedPostgresServer.start(dataDirectory, port), EmbeddedPostgresServer::port)) {
            String database = createDatabase(postgres.server(), "pg_drill");
            try (ServerInstance direct = ServerInstance.start(database, topics.serverProperties(
                         TestKafka.bootstrapServers(), "leaderboard.kafka.consumer.concurrency=1",
                         "leaderboard.kafka.consumer.retry-max-interval=1s"));
                 ServerInstance queueing = ServerInstance.start(database, topics.serverProperties(
                         TestKafka.bootstrapServers(), "leaderboard.ingress=kafka", "leaderboard.roles=command",
                         "leaderboard.kafka.consumer.concurrency=1",
                         "leaderboard.kafka.consumer.retry-max-interval=1s"))) {
                Api api = direct.api();
                for (String player : players) {
                    for (int a = 0; a < BEFORE; a++) {
                        assertThat(api.submitAction(Tokens.player(player), "before-" + a, "quiz-completed").status())
                                .isEqualTo(202);
                    }
                }
                ProjectionProgress.awaitCaughtUp(direct);
                JsonNode rankingsBefore = api.get(RANKINGS, null).json();
                JsonNode playerBefore = api.get(playerRead, null).json();

                postgres.stop();

                RetryLater.assertRefused(Api.exchange(api.request("/api/v1/actions", Tokens.player(first))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"actionId\":\"during\",\"type\":\"quiz-completed\"}"))),
                        "Storage unavailable", "1");
                RetryLater.assertRefused(Api.exchange(api.request("/api/v1/actions/batch", Tokens.player(first))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"actions\":[{\"actionId\":\"during-batch\",\"type\":\"quiz-completed\"}]}"))),
                        "Storage unavailable", "1");
                assertThat(api.get(RANKINGS, null).json()).as("from Redis").isEqualTo(rankingsBefore);
                assertThat(api.get(playerRead, null).json()).as("from Redis").isEqualTo(playerBefore);
                RetryLater.assertRefused(Api.exchange(api.request("/api/v1/leaderboards", null).GET()),
                        "Reads unavailable", "2");

                for (String player : players) {
                    for (int a = 0; a < QUEUED; a++) {
                        Api.Response queued = queueing.api().submitAction(Tokens.player(player), "queued-" + a,
                                "quiz-completed");
                        assertThat(queued.status()).isEqualTo(202);
                        assertThat(queued.json().get("status").asText()).isEqualTo("queued");
                    }
                }
                Api.Response health = api.get("/health", null);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().at("/components/db/status").asText()).isEqualTo("DOWN");
                assertThat(health.json().at("/components/standings/status").asText()).isEqualTo("DOWN");
                assertThat(api.get("/readiness", null).status()).isEqualTo(503);
                assertThat(queueing.api().get("/readiness", null).status()).as("queueing goes on: stay in rotation")
                        .isEqualTo(200);

                postgres.restart();

                await("queued actions stored after the restart").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> players.stream().allMatch(p -> direct.rows().eventsOf(p) == BEFORE + QUEUED));
                assertThat(direct.rows().ledgerRowsOf(first, "during")).isZero();
                assertThat(direct.rows().ledgerRowsOf(first, "during-batch")).isZero();
                assertThat(api.submitAction(Tokens.player(first), "during", "quiz-completed").status())
                        .isEqualTo(202);
                await("ready again").atMost(Duration.ofSeconds(30))
                        .until(() -> api.get("/readiness", null).status() == 200);
                ProjectionProgress.awaitCaughtUp(direct, Duration.ofSeconds(120));

                Standings standings = Standings.of(direct);
                await("Redis equals PostgreSQL").atMost(Duration.ofSeconds(30))
                        .until(() -> standings.redisBoards().equals(standings.postgresBoards()));
                for (String player : players) {
                    int actions = BEFORE + QUEUED + (player.equals(first) ? 1 : 0);
                    assertThat(direct.rows().eventsOf(player)).as("events of %s", player).isEqualTo(actions);
                    assertThat(direct.rows().ledgerRowsOf(player)).as("ledger rows of %s", player).isEqualTo(actions);
                    assertThat(direct.rows().storedPointsOf(player)).isEqualTo(actions * POINTS);
                }
                assertThat(standings.redisBoard("global|all-time|all-time")).hasSize(players.size())
                        .allSatisfy(entry -> assertThat(entry.score()).isEqualTo(
                                (BEFORE + QUEUED + (entry.userId().equals(first) ? 1 : 0)) * POINTS));
            }
        }
    }

    private static String createDatabase(EmbeddedPostgresServer server, String name) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server.jdbcUrl().replace("/postgres", "/" + name);
    }
}
