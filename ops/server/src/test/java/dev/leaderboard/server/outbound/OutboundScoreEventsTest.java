package dev.leaderboard.server.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Score events leave on {@code leaderboard.score-events}: keyed by player, once each, in order, with their event id. */
class OutboundScoreEventsTest extends ServerTest {

    private static final String TOPIC = "leaderboard.score-events";

    private static KafkaTestClient kafka;
    private static TopicReader scoreEvents;

    @BeforeAll
    static void clients() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        scoreEvents = kafka.reader(TOPIC);
    }

    @AfterAll
    static void closeClients() {
        scoreEvents.close();
        kafka.close();
    }

    @Test
    void everyScoreIncreaseIsPublishedOnceKeyedByPlayerWithItsEventIdInOrder() {
        String user = newUserId();
        String token = Tokens.player(user);
        for (String type : List.of("quiz-completed", "level-up", "quiz-completed")) {
            assertThat(api.submitAction(token, newActionId(), type).status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> scoreEvents.recordsWithKey(user).size() >= 3);

        List<ConsumerRecord<String, String>> records = scoreEvents.recordsWithKey(user);
        assertThat(records).extracting(r -> TopicReader.header(r, "event-id"))
                .containsExactlyElementsOf(rows.eventIdsOf(user));
        assertThat(records).extracting(r -> TopicReader.header(r, "event-type")).containsOnly("ScoreIncreased");
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.getFirst().partition());
        List<JsonNode> values = records.stream().map(TopicReader::json).toList();
        assertThat(values).extracting(v -> v.get("data").get("points").asLong()).containsExactly(10L, 25L, 10L);
        assertThat(values).extracting(v -> v.get("data").get("totals").get("allTime").asLong())
                .containsExactly(10L, 35L, 45L);
        assertThat(values).extracting(v -> v.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L);
        JsonNode first = values.getFirst();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("eventType").asText()).isEqualTo("ScoreIncreased");
        assertThat(first.get("revision").asText()).isEqualTo("1");
        assertThat(first.get("eventId").asText()).isEqualTo(TopicReader.header(records.getFirst(), "event-id"));
        assertThat(first.get("aggregateId").asText()).isEqualTo(user);
        assertThat(first.get("globalPosition").asLong()).isPositive();
        assertThat(first.get("timestamp").asText()).isNotBlank();
        assertThat(first.get("data").get("userId").asText()).isEqualTo(user);
        assertThat(first.get("data").get("occurredAt").asText()).isNotBlank();
        assertThat(kafka.partitions(TOPIC)).isEqualTo(12);
    }

    @Test
    void adjustmentsSuspensionsAndReinstatementsArePublishedInTheirOrder() {
        String user = newUserId();
        assertThat(api.submitAction(Tokens.player(user), newActionId(), "quiz-completed").status()).isEqualTo(202);
        String admin = Tokens.admin();
        String players = "/api/v1/admin/players/" + user;
        assertThat(api.post(players + "/adjustments", admin,
                "{\"leaderboardId\":\"global\",\"points\":-4,\"reason\":\"ticket 7\"}").status()).isEqualTo(201);
        assertThat(api.put(players + "/suspension", admin, "{\"reason\":\"bot traffic\"}").status()).isEqualTo(200);
        assertThat(api.delete(players + "/suspension", admin, "{\"reason\":\"appeal accepted\"}").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> scoreEvents.recordsWithKey(user).size() >= 4);

        List<ConsumerRecord<String, String>> records = scoreEvents.recordsWithKey(user);
        assertThat(records).extracting(r -> TopicReader.header(r, "event-type"))
                .containsExactly("ScoreIncreased", "ScoreAdjusted", "PlayerSuspended", "PlayerReinstated");
        assertThat(records).extracting(r -> TopicReader.header(r, "event-id"))
                .containsExactlyElementsOf(rows.eventIdsOf(user));
        JsonNode adjusted = TopicReader.json(records.get(1)).get("data");
        assertThat(adjusted.get("points").asLong()).isEqualTo(-4);
        assertThat(adjusted.get("reason").asText()).isEqualTo("ticket 7");
        assertThat(adjusted.get("totals").get("allTime").asLong()).isEqualTo(6);
        assertThat(TopicReader.json(records.get(2)).get("data").get("reason").asText()).isEqualTo("bot traffic");
        assertThat(TopicReader.json(records.get(3)).get("data").get("reason").asText()).isEqualTo("appeal accepted");
    }

    /** On a server of its own: in the shared database other test contexts hold segments, and a reset needs all. */
    @Test
    void resettingTheProcessorToAPositionPublishesEveryEventFromThereAgain() {
        String user = newUserId();
        String token = Tokens.player(user);
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "leaderboard.kafka.consumer.enabled=false")) {
            Api own = server.api();
            assertThat(own.submitAction(token, newActionId(), "quiz-completed").status()).isEqualTo(202);
            assertThat(own.submitAction(token, newActionId(), "level-up").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> scoreEvents.recordsWithKey(user).size() >= 2);
            ConsumerRecord<String, String> first = scoreEvents.recordsWithKey(user).get(0);
            ConsumerRecord<String, String> second = scoreEvents.recordsWithKey(user).get(1);
            long position = TopicReader.json(second).get("globalPosition").asLong();

            Api.Response reset = own.post("/api/v1/admin/projections/outbound-score-events/reset?position="
                    + position, Tokens.admin());

            assertThat(reset.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> scoreEvents.recordsWithKey(user).size() >= 3);
            assertThat(scoreEvents.recordsWithKey(user)).extracting(r -> TopicReader.header(r, "event-id"))
                    .containsExactly(TopicReader.header(first, "event-id"), TopicReader.header(second, "event-id"),
                            TopicReader.header(second, "event-id"));
            assertThat(own.post("/api/v1/admin/projections/standings/reset", Tokens.admin()).status())
                    .isEqualTo(404);
        }
    }
}
