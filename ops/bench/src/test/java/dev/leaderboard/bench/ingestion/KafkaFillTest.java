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

            long consumed = consumeAndCommit("it-ingress", 5_000, plan);
            assertThat(admin.groupsCommittingOn(topic)).containsExactly("it-ingress");
            assertThat(ConsumedOffsets.consumed(before, after, admin.committed("it-ingress", topic)))
                    .isEqualTo(consumed);
        }
    }

    /** Polls until at least {@code atLeast} records were read, checks their keys and values, commits. */
    private long consumeAndCommit(String group, int atLeast, KafkaFillPlan plan) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("it.actions"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .contains("\"userId\":\"" + key + "\"");
                    read++;
                }
            }
            consumer.commitSync();
        }
        assertThat(read).isGreaterThanOrEqualTo(atLeast);
        return read;
    }
}
