package dev.leaderboard.server.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One server whose ingress consumes topics of its own: what a redelivered batch does (the crash between the
 * database commit and the offset commit), and how the consumer's lag is reported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaRedeliveryAndLagTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final IngressTopics TOPICS = IngressTopics.unique();

    private static ServerInstance server;
    private static KafkaTestClient kafka;
    private static TopicReader outcomes;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        // One consumer: with two in one group, the second one's late join on a loaded machine rebalances the
        // partitions away from the first after it fetched them, and their lag meters were not bound again in time.
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                TOPICS.serverProperties(TestKafka.bootstrapServers(), "leaderboard.kafka.consumer.concurrency=1"));
        outcomes = kafka.reader(TOPICS.outcomes());
    }

    @AfterAll
    static void stop() {
        outcomes.close();
        server.close();
        kafka.close();
    }

    @Test
    @Order(2)
    void aBatchDeliveredAgainAfterItsCommitChangesNothingAndIsAnsweredDuplicate() {
        List<String> users = List.of(user(), user(), user());
        for (String user : users) {
            kafka.sendAction(TOPICS.actions(), user, "r-1", "quiz-completed");
            kafka.sendAction(TOPICS.actions(), user, "r-2", "level-up");
        }
        await().atMost(PATIENCE).until(() -> users.stream().mapToInt(u -> server.rows().eventsOf(u)).sum() == 6);
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(TOPICS.group(), TOPICS.actions()));
        for (String user : users) {
            assertThat(statuses(user)).containsExactly("accepted", "accepted");
        }
        Standings standings = Standings.of(server);
        await().atMost(PATIENCE).until(() -> standings.redisBoard("global|all-time|all-time").size() >= 3);

        // The crash between the database commit and the offset commit: the same records are delivered again.
        ConcurrentMessageListenerContainer<?, ?> consumer = container();
        consumer.stop();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            kafka.rewind(TOPICS.group(), TOPICS.actions(), 0);
            return true;
        });
        assertThat(kafka.committedOffsets(TOPICS.group(), TOPICS.actions()).values()).containsOnly(0L);
        consumer.start();

        for (String user : users) {
            await().atMost(PATIENCE).until(() -> statuses(user).size() == 4);
            assertThat(statuses(user)).containsExactly("accepted", "accepted", "duplicate", "duplicate");
        }
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(TOPICS.group(), TOPICS.actions()));
        for (String user : users) {
            assertThat(server.rows().eventsOf(user)).isEqualTo(2);
            assertThat(server.rows().ledgerRowsOf(user)).isEqualTo(2);
            assertThat(server.rows().latestAllTimeTotalOf(user, "global")).isEqualTo(35);
            assertThat(standings.redisBoard("global|all-time|all-time")).contains(new Entry(user, 35));
        }
    }

    @Test
    @Order(3)
    void lagPerPartitionIsInHealthDetailsAndDoesNotMakeTheInstanceUnready() {
        String user = user();
        ConcurrentMessageListenerContainer<?, ?> consumer = container();
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(TOPICS.group(), TOPICS.actions()));
        consumer.stop();
        try {
            for (int i = 0; i < 5; i++) {
                kafka.sendAction(TOPICS.actions(), i % 2 == 0 ? user : user + "-b", "l-" + i, "daily-login");
            }
            JsonNode ingress = await().atMost(PATIENCE).until(this::ingressHealth,
                    h -> h.path("details").path("lag").asLong() == 5);
            assertThat(ingress.get("status").asText()).isEqualTo("UP");
            JsonNode partitions = ingress.get("details").get("partitions");
            assertThat(partitions.size()).isEqualTo(3);
            long sum = 0;
            for (JsonNode lag : partitions) {
                sum += lag.asLong();
            }
            assertThat(sum).isEqualTo(5);
            assertThat(ingress.get("details").get("topic").asText()).isEqualTo(TOPICS.actions());
            assertThat(ingress.get("details").get("group").asText()).isEqualTo(TOPICS.group());

            Api api = server.api();
            assertThat(api.get("/readiness", null).status()).isEqualTo(200);
            Api.Response health = api.get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("components").get("kafkaIngress").get("status").asText()).isEqualTo("UP");
        } finally {
            consumer.start();
        }
        await().atMost(PATIENCE).until(() -> ingressHealth().path("details").path("lag").asLong() == 0);
        assertThat(server.rows().eventsOf(user)).isEqualTo(3);
    }

    @Test
    @Order(1) // first: its consumer was created at start-up, the later tests restart it
    void consumerLagPerPartitionIsOnPrometheus() {
        Pattern lagOfThisTopic = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\""
                + "\\d+\"[^}]*topic=\"" + Pattern.quote(TOPICS.actions()) + "\"[^}]*} \\S+$");

        for (int partition = 0; partition < 3; partition++) {
            String user = user();
            kafka.send(TOPICS.actions(), partition, user, "{\"actionId\":\"m-1\",\"userId\":\"" + user
                    + "\",\"type\":\"level-up\"}");
        }
        // Kafka's per-partition client metrics are bound by Micrometer within a minute of the consumer's start.
        String metrics = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> server.api().get("/actuator/prometheus", Tokens.admin()).body(),
                        body -> lagOfThisTopic.matcher(body).results().count() == 3);

        assertThat(lagOfThisTopic.matcher(metrics).results().count()).isEqualTo(3);
    }

    private JsonNode ingressHealth() {
        return server.api().get("/actuator/health/ingress", null).json().path("components").path("kafkaIngress");
    }

    private static List<String> statuses(String user) {
        return outcomes.recordsWithKey(user).stream().map(TopicReader::json).map(o -> o.get("status").asText())
                .toList();
    }

    private static ConcurrentMessageListenerContainer<?, ?> container() {
        return server.context().getBean("actionIngressContainer", ConcurrentMessageListenerContainer.class);
    }

    private static String user() {
        return "k-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
