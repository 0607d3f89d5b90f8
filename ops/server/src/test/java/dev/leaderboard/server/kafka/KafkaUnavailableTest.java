package dev.leaderboard.server.kafka;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka ingress mode with the broker gone: the client is told to come back, fast, and nothing is written. */
class KafkaUnavailableTest {

    @Test
    void inKafkaModeAPostAnswers503WithRetryAfterWithinFiveSecondsWhenKafkaIsDownAndWritesNothing()
            throws Exception {
        IngressTopics topics = IngressTopics.unique();
        EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(0);
        boolean brokerRunning = true;
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                topics.serverProperties(broker.bootstrapServers(), "leaderboard.ingress=kafka"))) {
            String token = Tokens.player("offline-player");
            Api api = server.api();
            assertThat(api.submitAction(token, "u-1", "level-up").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> server.rows().eventsOf("offline-player") == 1);

            broker.close();
            brokerRunning = false;
            long started = System.nanoTime();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(api.request("/api/v1/actions", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"actionId\":\"u-2\",\"type\":\"level-up\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.body()).contains("\"title\":\"Queue unavailable\"");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(server.rows().eventsOf("offline-player")).isEqualTo(1);
            assertThat(server.rows().ledgerRowsOf("offline-player")).isEqualTo(1);
        } finally {
            if (brokerRunning) {
                broker.close();
            }
        }
    }
}
