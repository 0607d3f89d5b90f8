package dev.leaderboard.bench.ingestion;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the kafka scenario asks the broker: the topic, its end offsets, and a consumer group's committed offsets. */
public final class KafkaAdminView implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public KafkaAdminView(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "leaderboard-bench-admin");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(properties);
    }

    /**
     * The topic's partition count; creates it with {@code partitions} partitions (replication 1, a single broker)
     * if it does not exist.
     *
     * @return the partition count and whether this call created the topic
     */
    public Topic ensureTopic(String topic, int partitions) {
        Optional<Integer> existing = partitionCount(topic);
        if (existing.isPresent()) {
            return new Topic(topic, existing.get(), false);
        }
        try {
            get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
            return new Topic(topic, partitions, true);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return new Topic(topic, partitionCount(topic).orElseThrow(), false);
            }
            throw e;
        }
    }

    public record Topic(String name, int partitions, boolean created) {

        List<TopicPartition> topicPartitions() {
            return IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(name, p)).toList();
        }
    }

    private Optional<Integer> partitionCount(String topic) {
        try {
            Map<String, TopicDescription> described = get(admin.describeTopics(List.of(topic)).allTopicNames());
            return Optional.of(described.get(topic).partitions().size());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Latest offset (the next offset to be written) per partition. */
    public Map<TopicPartition, Long> endOffsets(Topic topic) {
        Map<TopicPartition, OffsetSpec> request = topic.topicPartitions().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The group's committed offsets on the topic's partitions (absent partitions have none). */
    public Map<TopicPartition, Long> committed(String group, Topic topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (partition.topic().equals(topic.name()) && offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /**
     * Deletes every record up to the end offsets, so a consumer at an older position starts at the next record
     * written ({@code auto.offset.reset=earliest} after its offset falls out of range).
     *
     * @return the records the group had not committed yet, which no one will consume now
     */
    public long dropBacklog(Topic topic, Optional<String> group) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Map<TopicPartition, Long> committed = group.map(g -> committed(g, topic)).orElse(Map.of());
        Map<TopicPartition, RecordsToDelete> request = new HashMap<>();
        end.forEach((partition, offset) -> request.put(partition, RecordsToDelete.beforeOffset(offset)));
        get(admin.deleteRecords(request).all());
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), e.getValue())))
                .sum();
    }

    /** The consumer groups that have committed offsets on the topic. */
    public List<String> groupsCommittingOn(Topic topic) {
        Collection<ConsumerGroupListing> groups = get(admin.listConsumerGroups().all());
        return groups.stream().map(ConsumerGroupListing::groupId)
                .filter(group -> !committed(group, topic).isEmpty())
                .sorted().toList();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin call timed out after " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a Kafka admin call", e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
