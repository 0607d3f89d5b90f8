package dev.leaderboard.bench.ingestion;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * How much of the fill a consumer group has committed: per partition, the committed offset minus the partition's
 * end offset before the fill, clamped to what the fill wrote there. A partition the group has not committed on yet
 * counts 0 (its consumer starts at the beginning, before the fill, or at the fill's start).
 */
final class ConsumedOffsets {

    private ConsumedOffsets() {
    }

    static long consumed(Map<TopicPartition, Long> beforeFill, Map<TopicPartition, Long> afterFill,
                         Map<TopicPartition, Long> committed) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : afterFill.entrySet()) {
            long start = beforeFill.getOrDefault(end.getKey(), 0L);
            long filled = end.getValue() - start;
            Long offset = committed.get(end.getKey());
            if (offset != null) {
                total += Math.max(0, Math.min(filled, offset - start));
            }
        }
        return total;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
