package dev.leaderboard.server.outbound;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.outbound.OutboundSender;
import dev.leaderboard.projections.outbound.ScoreEventsPublisher;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops while players keep scoring, then comes back (same log, same port): publication waits, the
 * standings do not, and afterwards the topic holds every player's events, each at least once; deduplicated by
 * event id they are exactly the stored events in the order of their sequence numbers.
 */
class OutboundKafkaOutageTest {

    private static final String TOPIC = "leaderboard.score-events";

    @Test
    void aKafkaOutageDelaysPublicationButLosesNothingAndKeepsEachPlayersOrder(@TempDir Path kafkaLog) {
        List<String> users = IntStream.range(0, 4)
                .mapToObj(i -> "out-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)).toList();
        EmbeddedKafkaServer broker = EmbeddedKafkaServer.startPersistent(kafkaLog, 0);
        int port = broker.port();
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "leaderboard.kafka.consumer.enabled=false",
                "leaderboard.outbound.send-timeout=2s",
                "leaderboard.outbound.batch-size=7")) {
            ProjectionStatusReader status = server.bean(ProjectionStatusReader.class);
            OutboundSender sender = server.bean(OutboundSender.class);
            scoreRound(server, users, 0);
            try (KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
                 TopicReader scoreEvents = kafka.reader(TOPIC)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> users.stream()
                        .allMatch(u -> scoreEvents.recordsWithKey(u).size() >= 2));
            }

            broker.close();
            for (int round = 1; round <= 3; round++) {
                scoreRound(server, users, round);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> sender.failedBatches() > 0
                    && status.standings().lag() == 0
                    && status.processor(ScoreEventsPublisher.PROCESSING_GROUP).lag() > 0);

            broker = EmbeddedKafkaServer.startPersistent(kafkaLog, port);
            scoreRound(server, users, 4);

            try (KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
                 TopicReader scoreEvents = kafka.reader(TOPIC)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> users.stream().allMatch(u ->
                        distinctEventIds(scoreEvents.recordsWithKey(u)).size() == 10));
                for (String user : users) {
                    List<ConsumerRecord<String, String>> records = scoreEvents.recordsWithKey(user);
                    assertThat(distinctEventIds(records)).as("%s's events, deduplicated by event id", user)
                            .containsExactlyElementsOf(server.rows().eventIdsOf(user));
                    assertThat(records).extracting(ConsumerRecord::partition)
                            .containsOnly(records.getFirst().partition());
                }
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> status.processor(ScoreEventsPublisher.PROCESSING_GROUP).lag() == 0);
        } finally {
            broker.close();
        }
    }

    /** Two actions per player, through the REST API (direct ingress: it does not need Kafka). */
    private static void scoreRound(ServerInstance server, List<String> users, int round) {
        for (String user : users) {
            for (String type : List.of("quiz-completed", "level-up")) {
                assertThat(server.api().submitAction(Tokens.player(user), "r" + round + "-" + type, type).status())
                        .isEqualTo(202);
            }
        }
    }

    /** Event ids in the order of their first appearance on the topic: what a deduplicating consumer sees. */
    private static List<String> distinctEventIds(List<ConsumerRecord<String, String>> records) {
        return List.copyOf(records.stream().map(r -> TopicReader.header(r, "event-id"))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }
}
