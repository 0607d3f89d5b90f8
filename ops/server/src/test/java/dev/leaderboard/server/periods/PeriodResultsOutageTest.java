package dev.leaderboard.server.periods;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.projections.periods.ClosedPeriod;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.TopicReader;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static dev.leaderboard.server.periods.ClosedPeriods.awaitClosed;
import static dev.leaderboard.server.periods.PeriodCloseTest.awaitCaughtUp;
import static dev.leaderboard.server.periods.PeriodCloseTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A period closed while Kafka is down is published once the broker is back: the close is not lost. */
class PeriodResultsOutageTest {

    @Test
    void aPeriodClosedWhileKafkaIsDownIsPublishedWhenTheBrokerComesBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String topic = "period-results-outage";
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T23:50:00Z"));
        EmbeddedKafkaServer broker = null;
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(),
                clock, "leaderboard.periods.close.enabled=true", "leaderboard.periods.close.poll-interval=100ms",
                "leaderboard.periods.kafka.topic=" + topic, "leaderboard.periods.kafka.create=false",
                "leaderboard.periods.kafka.send-timeout=2s", "leaderboard.kafka.topics.create=false",
                "leaderboard.kafka.consumer.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:" + port)) {
            submit(server.api(), clock, "ann", "quiz-completed");
            awaitCaughtUp(server);
            clock.set(Instant.parse("2026-11-25T00:05:01Z"));
            awaitClosed(server, "global", "daily", "2026-11-24");
            String eventId = server.rows().jdbc().queryForObject(
                    "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                    ClosedPeriod.aggregateIdOf("global", TimeWindow.DAILY, "2026-11-24"));

            broker = EmbeddedKafkaServer.start(port);
            try (KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
                 TopicReader reader = kafka.reader(topic)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !reader.recordsWithKey("global").isEmpty());
                assertThat(TopicReader.header(reader.recordsWithKey("global").get(0), "event-id")).isEqualTo(eventId);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
