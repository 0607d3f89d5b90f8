package dev.leaderboard.bench.ingestion;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kafka scenario's broker side against a real (embedded KRaft) broker: the fill puts every planned record once
 * on its key's partition, and a consumer group's commits are found and counted as the scenario counts them. The
 * server's ingress consumer is played by a plain consumer here.
 */
class KafkaFillTest {

    private static EmbeddedKafkaServer broker;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaServer.start(0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyPlannedRecordLandsOnceOnItsKeysPartitionAndCommittedOffsetsCountTheConsumedOnes() {
        KafkaFillPlan plan = new KafkaFillPlan(20_000, 1_000, "it1", "quiz-completed", Optional.empty());
        try (KafkaAdminView admin = new KafkaAdminView(broker.bootstrapServers())) {
            KafkaAdminView.Topic topic = admin.ensureTopic("it.actions", 6);
            assertThat(topic.created()).isTrue();
            assertThat(admin.ensureTopic("it.actions", 3)).isEqualTo(new KafkaAdminView.Topic("it.actions", 6,
                    false));
            Map<TopicPartition, Long> before = admin.endOffsets(topic);

            KafkaFill.Result fill = KafkaFill.fill(broker.bootstrapServers(), "it.actions", plan, "lz4",
                    Duration.ofMinutes(2), QUIET);

            assertThat(fill.records()).isEqualTo(20_000);
            assertThat(fill.recordsPerSecond()).isPositive();
            Map<TopicPartition, Long> after = admin.endOffsets(topic);
            long[] expected = plan.expectedPerPartition(6);
            for (int p = 0; p < 6; p++) {
                assertThat(after.get(new TopicPartition("it.actions", p))).as("partition %d", p)
                        .isEqualTo(expected[p]);
            }
            assertThat(admin.groupsCommittingOn(topic)).isEmpty();

            long consumed = consumeAndCommit("it.actions", "it-ingress", 5_000, plan).size();
            assertThat(admin.groupsCommittingOn(topic)).containsExactly("it-ingress");
            assertThat(ConsumedOffsets.consumed(before, after, admin.committed("it-ingress", topic)))
                    .isEqualTo(consumed);
        }
    }

    @Test
    void afterTheBacklogIsDroppedAGroupThatStoppedEarlyReadsOnlyTheNextFill() {
        KafkaFillPlan first = new KafkaFillPlan(3_000, 300, "it2", "quiz-completed", Optional.empty());
        KafkaFillPlan second = new KafkaFillPlan(600, 60, "it3", "quiz-completed", Optional.empty());
        try (KafkaAdminView admin = new KafkaAdminView(broker.bootstrapServers())) {
            KafkaAdminView.Topic topic = admin.ensureTopic("it.backlog", 3);
            KafkaFill.fill(broker.bootstrapServers(), "it.backlog", first, "none", Duration.ofMinutes(2), QUIET);
            long read = consumeAndCommit("it.backlog", "it-backlog", 100, first).size();

            long dropped = admin.dropBacklog(topic, Optional.of("it-backlog"));
            KafkaFill.fill(broker.bootstrapServers(), "it.backlog", second, "none", Duration.ofMinutes(2), QUIET);
            List<String> next = consumeAndCommit("it.backlog", "it-backlog", 600, second);

            assertThat(dropped).as("records left unconsumed, as far as the group committed")
                    .isLessThanOrEqualTo(3_000 - read);
            assertThat(next).hasSize(600)
                    .allSatisfy(value -> assertThat(value).contains("\"actionId\":\"ka-it3-"));
        }
    }

    /**
     * Polls until at least {@code atLeast} records were read, checks their keys and values, commits.
     *
     * @return the values read
     */
    private List<String> consumeAndCommit(String topic, String group, int atLeast, KafkaFillPlan plan) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        List<String> read = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    assertThat(value).contains("\"userId\":\"" + key + "\"");
                    read.add(value);
                }
            }
            consumer.commitSync();
        }
        assertThat(read.size()).isGreaterThanOrEqualTo(atLeast);
        return read;
    }
}
