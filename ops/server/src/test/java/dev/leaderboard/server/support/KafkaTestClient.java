package dev.leaderboard.server.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What a test does on a real broker: produce records, read topics, look at and move a group's offsets. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sends one record and waits for the broker's acknowledgement; {@code value} is sent as its UTF-8 bytes. */
    public RecordMetadata send(String topic, String key, String value, String... headerNamesAndValues) {
        return send(topic, null, key, value, headerNamesAndValues);
    }

    /** The same, to the given partition ({@code null}: the one the key hashes to). */
    public RecordMetadata send(String topic, Integer partition, String key, String value,
                               String... headerNamesAndValues) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, bytes(key), bytes(value));
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            record.headers().add(headerNamesAndValues[i], bytes(headerNamesAndValues[i + 1]));
        }
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** An action record as the contract describes it: key = userId, value = the action JSON. */
    public RecordMetadata sendAction(String topic, String userId, String actionId, String type) {
        return send(topic, userId, "{\"actionId\":\"" + actionId + "\",\"userId\":\"" + userId + "\",\"type\":\""
                + type + "\"}");
    }

    public TopicReader reader(String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    public void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group's committed offset per partition of the topic (partitions without one are left out). */
    public Map<Integer, Long> committedOffsets(String groupId, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<Integer, Long> result = new TreeMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    result.put(partition.partition(), offset.offset());
                }
            });
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The end offset of every partition of the topic. */
    public Map<Integer, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions(topic); p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            Map<Integer, Long> result = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> result.put(partition.partition(), info.offset()));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the group has committed every record of the topic. */
    public boolean caughtUp(String groupId, String topic) {
        Map<Integer, Long> committed = committedOffsets(groupId, topic);
        return endOffsets(topic).entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || end.getValue().equals(committed.get(end.getKey())));
    }

    /** Sends an action record without waiting for the acknowledgement (see {@link #flush}). */
    public void sendActionAsync(String topic, String userId, String actionId, String type) {
        producer.send(new ProducerRecord<>(topic, bytes(userId), bytes("{\"actionId\":\"" + actionId
                + "\",\"userId\":\"" + userId + "\",\"type\":\"" + type + "\"}")));
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Records of the topic the group has not committed yet, over all partitions. */
    public long lag(String groupId, String topic) {
        Map<Integer, Long> committed = committedOffsets(groupId, topic);
        return endOffsets(topic).entrySet().stream()
                .mapToLong(end -> end.getValue() - committed.getOrDefault(end.getKey(), 0L)).sum();
    }

    /** Members of the group that hold at least one partition. */
    public int membersWithPartitions(String groupId) {
        try {
            return (int) admin.describeConsumerGroups(List.of(groupId)).all().get(30, TimeUnit.SECONDS)
                    .get(groupId).members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the (inactive) group's committed offsets of every partition of the topic back to {@code offset}. */
    public void rewind(String groupId, String topic, long offset) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int p = 0; p < partitions(topic); p++) {
            offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(offset));
        }
        try {
            admin.alterConsumerGroupOffsets(groupId, offsets).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not rewind group " + groupId, e);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
