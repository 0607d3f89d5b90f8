package dev.leaderboard.server.kafka;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.RestartableServer;
import dev.leaderboard.server.support.RetryLater;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops (a real stop, its log kept) and starts again, under an instance in Kafka ingress mode that only
 * queues and an instance in direct mode that consumes the ingress. While it is down, queueing is refused fast with a
 * 503 and nothing is written, and direct mode goes on; once it is back, the consumer carries on by itself, and the
 * records queued before the outage (held back by a pause, so none was consumed yet) are stored exactly once.
 */
class KafkaUnavailableTest {

    private static final String INGRESS = "/api/v1/admin/ingress/kafka";
    private static final int BACKLOG = 3;

    @TempDir
    Path logDirectory;

    @Test
    void queueingIs503AndDirectModeGoesOnWhileKafkaIsDownAndTheBacklogIsStoredOnceWhenItIsBack() throws Exception {
        IngressTopics topics = IngressTopics.unique();
        String database = TestPostgres.newDatabaseUrl();
        List<String> players = IntStream.range(0, 3).mapToObj(i -> "offline-player-" + i).toList();
        try (RestartableServer<EmbeddedKafkaServer> broker = RestartableServer.start(
                port -> EmbeddedKafkaServer.startPersistent(logDirectory, port), EmbeddedKafkaServer::port)) {
            String bootstrap = broker.server().bootstrapServers();
            try (ServerInstance queueing = ServerInstance.start(database, topics.serverProperties(bootstrap,
                         "leaderboard.ingress=kafka", "leaderboard.roles=command",
                         "leaderboard.kafka.consumer.enabled=false"));
                 ServerInstance direct = ServerInstance.start(database, topics.serverProperties(bootstrap,
                         "leaderboard.kafka.consumer.concurrency=1"))) {
                for (String player : players) {
                    assertThat(queueing.api().submitAction(Tokens.player(player), "u-1", "level-up").status())
                            .isEqualTo(202);
                }
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> players.stream().allMatch(p -> direct.rows().eventsOf(p) == 1));
                MessageListenerContainer consumer = direct.bean(MessageListenerContainer.class);
                assertThat(direct.api().post(INGRESS + "/pause", Tokens.admin()).status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(consumer::isContainerPaused);
                for (String player : players) {
                    for (int a = 0; a < BACKLOG; a++) {
                        assertThat(queueing.api().submitAction(Tokens.player(player), "backlog-" + a, "level-up")
                                .json().get("status").asText()).isEqualTo("queued");
                    }
                }

                broker.stop();

                String token = Tokens.player(players.getFirst());
                long started = System.nanoTime();
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        queueing.api().request("/api/v1/actions", token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"actionId\":\"u-2\",\"type\":\"level-up\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                RetryLater.assertRefused(answer, "Queue unavailable", "5");
                assertThat(took).isLessThan(Duration.ofSeconds(5));

                Api.Response directly = direct.api().submitAction(token, "direct-during", "level-up");
                assertThat(directly.status()).isEqualTo(202);
                assertThat(directly.json().get("status").asText()).isEqualTo("accepted");
                assertThat(direct.rows().ledgerRowsOf(players.getFirst(), "direct-during")).isEqualTo(1);
                assertThat(players).allSatisfy(p -> assertThat(direct.rows().eventsOf(p))
                        .as("nothing of the backlog consumed yet").isEqualTo(p.equals(players.getFirst()) ? 2 : 1));
                Api.Response health = direct.api().get("/health", null);
                assertThat(health.json().at("/components/kafka/status").asText()).isEqualTo("DOWN");
                assertThat(direct.api().get("/readiness", null).status()).as("Kafka is not in readiness")
                        .isEqualTo(200);
                // the operator's pause ends while the broker is down: the consumer has to reconnect by itself
                assertThat(direct.api().post(INGRESS + "/resume", Tokens.admin()).status()).isEqualTo(202);

                broker.restart();

                await("the backlog is consumed after the restart").atMost(Duration.ofSeconds(90)).until(() ->
                        players.stream().allMatch(p -> direct.rows().ledgerRowsOf(p) == expectedActions(p, players)
                                - (p.equals(players.getFirst()) ? 1 : 0)));
                assertThat(direct.rows().ledgerRowsOf(players.getFirst(), "u-2")).isZero();
                await("queueing works again").atMost(Duration.ofSeconds(30)).until(() ->
                        queueing.api().submitAction(token, "u-2", "level-up").status() == 202);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> direct.rows().ledgerRowsOf(players.getFirst(), "u-2") == 1);
                for (String player : players) {
                    int actions = expectedActions(player, players);
                    assertThat(direct.rows().eventsOf(player)).as("events of %s", player).isEqualTo(actions);
                    assertThat(direct.rows().ledgerRowsOf(player)).as("ledger rows of %s", player).isEqualTo(actions);
                    assertThat(direct.rows().storedPointsOf(player)).isEqualTo(actions * 25L);
                }
            }
        }
    }

    /** u-1 and the backlog for everyone; the first player also direct-during and u-2. */
    private static int expectedActions(String player, List<String> players) {
        return 1 + BACKLOG + (player.equals(players.getFirst()) ? 2 : 0);
    }
}
