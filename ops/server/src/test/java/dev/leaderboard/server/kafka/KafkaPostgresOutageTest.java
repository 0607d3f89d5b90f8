package dev.leaderboard.server.kafka;

import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TcpProxy;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL unreachable (a proxy between the server and it, cut and restored): the ingress stops where it is,
 * neither dead-letters nor answers nor commits anything, and carries on by itself once the database is back.
 */
class KafkaPostgresOutageTest {

    @Test
    void whilePostgresIsUnreachableConsumptionPausesAndResumesByItselfWithNothingLostOrCountedTwice() {
        IngressTopics topics = IngressTopics.unique();
        int postgresPort = TestPostgres.server().port();
        String database = TestPostgres.newDatabaseUrl();
        List<String> users = IntStream.range(0, 4).mapToObj(i -> "o-" + i + "-"
                + UUID.randomUUID().toString().substring(0, 8)).toList();
        try (TcpProxy proxy = TcpProxy.to(postgresPort);
             KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers());
             ServerInstance server = ServerInstance.start(
                     database.replace(":" + postgresPort + "/", ":" + proxy.port() + "/"),
                     topics.serverProperties(TestKafka.bootstrapServers(),
                             "leaderboard.kafka.consumer.retry-max-interval=1s",
                             // one consumer: no rebalance between two consumer threads while both are held
                             "leaderboard.kafka.consumer.concurrency=1"));
             TopicReader outcomes = kafka.reader(topics.outcomes());
             TopicReader deadLetters = kafka.reader(topics.deadLetters())) {
            kafka.sendAction(topics.actions(), "warm-up", "w-1", "level-up");
            await().atMost(Duration.ofSeconds(60)).until(() -> server.rows().eventsOf("warm-up") == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.caughtUp(topics.group(), topics.actions()));
            Map<Integer, Long> committedBefore = kafka.committedOffsets(topics.group(), topics.actions());

            proxy.cut();
            for (int a = 0; a < 5; a++) {
                for (String user : users) {
                    kafka.sendAction(topics.actions(), user, "d-" + a, "quiz-completed");
                }
            }

            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).until(() ->
                    deadLetters.records().isEmpty()
                            && users.stream().allMatch(u -> outcomes.recordsWithKey(u).isEmpty())
                            && kafka.committedOffsets(topics.group(), topics.actions()).equals(committedBefore));

            proxy.restore();

            await().atMost(Duration.ofSeconds(90)).until(() ->
                    users.stream().allMatch(u -> outcomes.recordsWithKey(u).size() >= 5));
            await().atMost(Duration.ofSeconds(120)).until(() -> kafka.caughtUp(topics.group(), topics.actions()));
            for (String user : users) {
                assertThat(statusesByAction(outcomes.recordsWithKey(user))).as("outcomes of %s, published at least once", user)
                        .containsOnlyKeys("d-0", "d-1", "d-2", "d-3", "d-4")
                        .allSatisfy((actionId, statuses) -> {
                            assertThat(statuses.getFirst()).isEqualTo("accepted");
                            assertThat(statuses.subList(1, statuses.size())).allMatch("duplicate"::equals);
                        });
                assertThat(server.rows().eventsOf(user)).isEqualTo(5);
                assertThat(server.rows().ledgerRowsOf(user)).isEqualTo(5);
                assertThat(server.rows().latestAllTimeTotalOf(user, "global")).isEqualTo(50);
            }
            assertThat(deadLetters.records()).isEmpty();
        }
    }

    /** A record consumed again after an ambiguous commit gets another outcome, which must say duplicate. */
    private static Map<String, List<String>> statusesByAction(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(TopicReader::json).collect(Collectors.groupingBy(
                json -> json.get("actionId").asText(), LinkedHashMap::new,
                Collectors.mapping(json -> json.get("status").asText(), Collectors.toList())));
    }
}
