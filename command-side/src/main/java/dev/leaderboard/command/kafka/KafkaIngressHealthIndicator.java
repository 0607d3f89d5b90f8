package dev.leaderboard.command.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code kafkaIngress} in {@code /health}: the consumer group's lag on the actions topic, per partition (end offset
 * minus committed offset, from the brokers' view, so it covers every instance of the group). Lag is information, not
 * a failure: the status is {@code UP} whenever the lag could be read, {@code UNKNOWN} when it could not (Kafka down:
 * the {@code kafka} component reports that); it is not part of readiness.
 */
public class KafkaIngressHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private static final int TIMEOUT_MS = 2000;

    private final Admin admin;
    private final String topic;
    private final String groupId;

    public KafkaIngressHealthIndicator(Map<String, Object> adminProperties, String topic, String groupId) {
        super("Kafka ingress lag could not be read");
        Map<String, Object> properties = new HashMap<>(adminProperties);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "leaderboard-ingress-health");
        this.admin = Admin.create(properties);
        this.topic = topic;
        this.groupId = groupId;
    }

    /** Partition → lag; a partition without a committed offset counts from its earliest retained offset. */
    public Map<Integer, Long> lagByPartition() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartition partition : partitions) {
            latest.put(partition, OffsetSpec.latest());
            if (committed.get(partition) == null) {
                earliest.put(partition, OffsetSpec.earliest());
            }
        }
        ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        var ends = admin.listOffsets(latest, readCommitted).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        var starts = earliest.isEmpty() ? Map.<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult
                .ListOffsetsResultInfo>of() : admin.listOffsets(earliest, readCommitted).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<Integer, Long> lag = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            long from = position != null ? position.offset() : starts.get(partition).offset();
            lag.put(partition.partition(), Math.max(0, ends.get(partition).offset() - from));
        }
        return lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("topic", topic).withDetail("group", groupId);
        try {
            Map<Integer, Long> lag = lagByPartition();
            builder.up().withDetail("lag", lag.values().stream().mapToLong(Long::longValue).sum())
                    .withDetail("partitions", lag);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder.unknown().withDetail("error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
