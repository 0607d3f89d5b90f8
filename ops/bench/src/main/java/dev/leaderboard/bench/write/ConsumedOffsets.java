package dev.leaderboard.bench.write;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * How much of a fill a consumer group has committed: per partition, the committed offset minus the partition's end
 * offset before the fill, clamped to what the fill wrote there; a partition without a commit counts 0.
 */
final class ConsumedOffsets {

    private ConsumedOffsets() {
    }

    static long consumed(Map<TopicPartition, Long> beforeFill, Map<TopicPartition, Long> afterFill,
                         Map<TopicPartition, Long> committed) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : afterFill.entrySet()) {
            long start = beforeFill.getOrDefault(end.getKey(), 0L);
            Long offset = committed.get(end.getKey());
            if (offset != null) {
                total += Math.max(0, Math.min(end.getValue() - start, offset - start));
            }
        }
        return total;
    }
}
