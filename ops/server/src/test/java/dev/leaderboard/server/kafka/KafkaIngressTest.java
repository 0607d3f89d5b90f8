package dev.leaderboard.server.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka ingress of the shared test server, on the default topics: records become events, standings and
 * outcomes; records that can never succeed go to the dead-letter topic without holding up their neighbours.
 */
class KafkaIngressTest extends ServerTest {

    static final String ACTIONS = "leaderboard.actions";
    static final String DEAD_LETTERS = "leaderboard.actions.DLT";
    static final String OUTCOMES = "leaderboard.action-outcomes";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaTestClient kafka;
    private static TopicReader outcomes;
    private static TopicReader deadLetters;

    @Autowired
    private StringRedisTemplate redis;

    @BeforeAll
    static void clients() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        outcomes = kafka.reader(OUTCOMES);
        deadLetters = kafka.reader(DEAD_LETTERS);
    }

    @AfterAll
    static void closeClients() {
        outcomes.close();
        deadLetters.close();
        kafka.close();
    }

    @Test
    void recordsOnTheActionsTopicBecomeEventsStandingsAndAcceptedOutcomes() {
        String user = newUserId();

        kafka.sendAction(ACTIONS, user, "k-1", "quiz-completed");
        kafka.sendAction(ACTIONS, user, "k-2", "level-up");

        await().atMost(PATIENCE).until(() -> rows.eventsOf(user) == 2);
        assertThat(rows.latestAllTimeTotalOf(user, "global")).isEqualTo(35);
        Standings standings = new Standings(redis, rows.jdbc(), "shared");
        await().atMost(PATIENCE).until(() -> standings.redisBoard("global|all-time|all-time")
                .contains(new Entry(user, 35)));
        assertThat(standings.postgresBoards().get("global|all-time|all-time")).contains(new Entry(user, 35));

        List<JsonNode> answers = awaitOutcomes(user, 2);
        assertThat(answers).extracting(a -> a.get("actionId").asText()).containsExactly("k-1", "k-2");
        assertThat(answers).extracting(a -> a.get("status").asText()).containsOnly("accepted");
        assertThat(answers).extracting(a -> a.get("points").asLong()).containsExactly(10L, 25L);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.get("userId").asText()).isEqualTo(user);
            assertThat(a.get("leaderboardId").asText()).isEqualTo("global");
            assertThat(a.has("reason")).isFalse();
        });
        assertThat(deadLetters.recordsWithKey(user)).isEmpty();
    }

    @Test
    void poisonedRecordsAreDeadLetteredWithTheirReasonWhileTheirNeighboursAreAccepted() {
        String user = newUserId();
        List<RecordMetadata> sent = new ArrayList<>();

        // one key, so one partition, in this order
        sent.add(kafka.sendAction(ACTIONS, user, "p-1", "quiz-completed"));
        sent.add(kafka.send(ACTIONS, user, "{\"actionId\":\"p-2\",\"userId\":\"" + user + "\","));
        sent.add(kafka.sendAction(ACTIONS, user, "p-3", "level-up"));
        sent.add(kafka.sendAction(ACTIONS, user, "p-4", "teleported"));
        sent.add(kafka.sendAction(ACTIONS, user, "p-5", "daily-login"));
        sent.add(kafka.sendAction(ACTIONS, user, "p-1", "level-up"));
        sent.add(kafka.send(ACTIONS, user, "{\"actionId\":\"p-7\",\"userId\":\"someone-else\",\"type\":\"level-up\"}"));
        sent.add(kafka.sendAction(ACTIONS, user, "p-8", "achievement-unlocked"));

        List<ConsumerRecord<String, String>> letters = await().atMost(PATIENCE)
                .until(() -> deadLetters.recordsWithKey(user), l -> l.size() >= 4);
        assertThat(letters).hasSize(4);
        assertThat(letters).extracting(l -> TopicReader.header(l, "leaderboard-reason"))
                .containsExactly("malformed", "unknown-action-type", "conflict", "invalid");
        assertThat(letters).extracting(l -> ByteBuffer.wrap(TopicReader.rawHeader(l, "kafka_dlt-original-offset"))
                .getLong()).containsExactly(sent.get(1).offset(), sent.get(3).offset(), sent.get(5).offset(),
                sent.get(6).offset());
        assertThat(letters).allSatisfy(letter -> {
            assertThat(TopicReader.header(letter, "kafka_dlt-original-topic")).isEqualTo(ACTIONS);
            assertThat(ByteBuffer.wrap(TopicReader.rawHeader(letter, "kafka_dlt-original-partition")).getInt())
                    .isEqualTo(sent.getFirst().partition());
            assertThat(TopicReader.header(letter, "kafka_dlt-original-consumer-group"))
                    .isEqualTo("leaderboard-ingress");
            assertThat(TopicReader.header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(TopicReader.header(letter, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(TopicReader.rawHeader(letter, "kafka_dlt-original-timestamp")).hasSize(8);
        });
        // the dead letter is the record as it was sent
        assertThat(letters.getFirst().value()).isEqualTo("{\"actionId\":\"p-2\",\"userId\":\"" + user + "\",");

        await().atMost(PATIENCE).until(() -> rows.eventsOf(user) == 4);
        assertThat(rows.latestAllTimeTotalOf(user, "global")).isEqualTo(10 + 25 + 5 + 100);

        List<JsonNode> answers = awaitOutcomes(user, 8);
        assertThat(answers).extracting(a -> a.get("status").asText()).containsExactly("accepted", "rejected",
                "accepted", "rejected", "accepted", "rejected", "rejected", "accepted");
        assertThat(answers).extracting(a -> a.path("reason").asText(null)).containsExactly(null, "malformed", null,
                "unknown-action-type", null, "conflict", "invalid", null);
        assertThat(answers.get(3).get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(answers.get(5).get("problem").get("status").asInt()).isEqualTo(409);
    }

    @Test
    void theOriginInTheRecordHeadersIsStoredWithTheEvent() {
        String user = newUserId();

        kafka.send(ACTIONS, user, "{\"actionId\":\"o-1\",\"userId\":\"" + user + "\",\"type\":\"level-up\"}",
                "request-id", "req-42", "submitted-by", "quiz-service", "client-ip", "192.0.2.7",
                "user-agent", "quiz-service/1.0");
        RecordMetadata plain = kafka.sendAction(ACTIONS, user, "o-2", "level-up");

        await().atMost(PATIENCE).until(() -> rows.eventsOf(user) == 2);
        assertThat(metaDataOf(user, 0)).containsEntry("requestId", "req-42")
                .containsEntry("submittedBy", "quiz-service").containsEntry("clientIp", "192.0.2.7")
                .containsEntry("userAgent", "quiz-service/1.0");
        assertThat(metaDataOf(user, 1))
                .containsEntry("requestId", ACTIONS + "-" + plain.partition() + "-" + plain.offset())
                .containsEntry("submittedBy", "kafka");
    }

    private Map<String, Object> metaDataOf(String user, int sequenceNumber) {
        return rows.jdbc().queryForMap("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' AS "requestId",
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'submittedBy' AS "submittedBy",
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'clientIp' AS "clientIp",
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'userAgent' AS "userAgent"
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""",
                user, sequenceNumber);
    }

    private static List<JsonNode> awaitOutcomes(String user, int count) {
        List<ConsumerRecord<String, String>> records = await().atMost(PATIENCE)
                .until(() -> outcomes.recordsWithKey(user), r -> r.size() >= count);
        assertThat(records).hasSize(count);
        return records.stream().map(TopicReader::json).toList();
    }
}
