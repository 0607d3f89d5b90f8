package dev.leaderboard.server.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code LEADERBOARD_INGRESS=kafka}: the REST endpoints queue actions on the ingress topic and answer
 * {@code queued}; the consumer in the same server stores them.
 */
class KafkaIngressModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final IngressTopics TOPICS = IngressTopics.unique();

    private static ServerInstance server;
    private static KafkaTestClient kafka;
    private static TopicReader actions;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                TOPICS.serverProperties(TestKafka.bootstrapServers(), "leaderboard.ingress=kafka"));
        actions = kafka.reader(TOPICS.actions());
    }

    @AfterAll
    static void stop() {
        actions.close();
        server.close();
        kafka.close();
    }

    @Test
    void anActionPostedInKafkaModeIsQueuedThenStoredByTheConsumerAndThenAnsweredDuplicate() {
        String user = user();
        String token = Tokens.player(user);

        Api.Response queued = server.api().submitAction(token, "q-1", "quiz-completed");

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("status").asText()).isEqualTo("queued");
        assertThat(queued.json().get("points").asLong()).isEqualTo(10);
        assertThat(queued.json().get("userId").asText()).isEqualTo(user);
        assertThat(queued.json().get("leaderboardId").asText()).isEqualTo("global");
        // on the topic (the answer waited for the broker's ack), with the request's origin in its headers; the
        // reader's first polls may still come back empty
        await().atMost(PATIENCE).until(() -> !actions.recordsWithKey(user).isEmpty());
        List<ConsumerRecord<String, String>> onTopic = actions.recordsWithKey(user);
        assertThat(onTopic).hasSize(1);
        JsonNode value = TopicReader.json(onTopic.getFirst());
        assertThat(value.get("actionId").asText()).isEqualTo("q-1");
        assertThat(value.get("userId").asText()).isEqualTo(user);
        assertThat(value.get("type").asText()).isEqualTo("quiz-completed");
        assertThat(TopicReader.header(onTopic.getFirst(), "request-id")).isEqualTo(queued.requestId());
        assertThat(TopicReader.header(onTopic.getFirst(), "submitted-by")).isEqualTo(user);
        assertThat(TopicReader.header(onTopic.getFirst(), "client-ip")).isEqualTo("127.0.0.1");

        await().atMost(PATIENCE).until(() -> server.rows().eventsOf(user) == 1);
        assertThat(server.rows().jdbc().queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' FROM domain_event_entry
                WHERE aggregate_identifier = ?""", String.class, user)).isEqualTo(queued.requestId());

        Api.Response again = server.api().submitAction(token, "q-1", "quiz-completed");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("points").asLong()).isEqualTo(10);
        assertThat(actions.recordsWithKey(user)).hasSize(1);
        assertThat(server.rows().eventsOf(user)).isEqualTo(1);
    }

    @Test
    void theBatchEndpointInKafkaModeQueuesEachValidItemAndRejectsAnUnknownTypeAtOnce() {
        String first = user();
        String second = user();
        String body = "{\"actions\":["
                + "{\"actionId\":\"b-1\",\"userId\":\"" + first + "\",\"type\":\"level-up\"},"
                + "{\"actionId\":\"b-2\",\"userId\":\"" + second + "\",\"type\":\"teleported\"},"
                + "{\"actionId\":\"b-3\",\"userId\":\"" + first + "\",\"type\":\"daily-login\"}]}";

        Api api = server.api();
        Api.Response answer = api.send(api.request("/api/v1/actions/batch", Tokens.service("quiz-service"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).extracting(r -> r.get("status").asText())
                .containsExactly("queued", "rejected", "queued");
        assertThat(results.get(1).get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).get("points").asLong()).isEqualTo(5);
        assertThat(actions.recordsWithKey(second)).isEmpty();
        await().atMost(PATIENCE).until(() -> server.rows().eventsOf(first) == 2);
        assertThat(server.rows().latestAllTimeTotalOf(first, "global")).isEqualTo(30);
        assertThat(server.rows().eventsOf(second)).isZero();
    }

    @Test
    void aServicesSegmentTravelsOnTheTopicToTheEvent() {
        String user = user();

        Api.Response queued = server.api().submit(Tokens.withClaim("eu-service", "service", "region", "eu"),
                "{\"actionId\":\"q-1\",\"type\":\"quiz-completed\",\"userId\":\"" + user + "\"}");

        assertThat(queued.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !actions.recordsWithKey(user).isEmpty());
        assertThat(TopicReader.json(actions.recordsWithKey(user).getFirst()).get("segment").asText()).isEqualTo("eu");
        await().atMost(PATIENCE).until(() -> server.rows().eventsOf(user) == 1);
        assertThat(server.rows().jdbc().queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'segment' FROM domain_event_entry
                WHERE aggregate_identifier = ?""", String.class, user)).isEqualTo("eu");
    }

    private static String user() {
        return "m-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
