package dev.leaderboard.bench.write;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumedOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final TopicPartition P2 = new TopicPartition("t", 2);

    @Test
    void onlyTheFillsRecordsCountAndAPartitionWithoutACommitCountsZero() {
        Map<TopicPartition, Long> before = Map.of(P0, 100L, P1, 0L, P2, 0L);
        Map<TopicPartition, Long> after = Map.of(P0, 150L, P1, 40L, P2, 10L);
        // P0: committed inside the fill; P1: fully consumed; P2: nothing committed yet
        Map<TopicPartition, Long> committed = Map.of(P0, 120L, P1, 40L);

        assertThat(Kafka.consumed(before, after, committed)).isEqualTo(20 + 40);
    }

    @Test
    void offsetsBeforeTheFillOrPastItAreClamped() {
        Map<TopicPartition, Long> before = Map.of(P0, 100L);
        Map<TopicPartition, Long> after = Map.of(P0, 150L);

        assertThat(Kafka.consumed(before, after, Map.of(P0, 60L))).isZero();
        assertThat(Kafka.consumed(before, after, Map.of(P0, 170L))).isEqualTo(50);
    }
}
