package dev.leaderboard.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against real brokers: Kafka's own KRaft server, started and stopped by each test. */
class EmbeddedKafkaServerTest {

    private static final String TOPIC = "survivors";
    private static final int RECORDS = 200;

    @TempDir
    Path temp;

    @Test
    void persistentBrokerListensOnExactlyTheRequestedPort() throws Exception {
        int port = freePort();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startPersistent(temp.resolve("kafka"), port)) {
            assertThat(kafka.port()).isEqualTo(port);
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "127.0.0.1:" + port))) {
                Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
                assertThat(nodes).singleElement().satisfies(node -> {
                    assertThat(node.host()).isEqualTo("127.0.0.1");
                    assertThat(node.port()).isEqualTo(port);
                });
            }
        }
    }

    @Test
    void recordsProducedBeforeARestartAreReadBackAfterIt() throws Exception {
        Path logDirectory = temp.resolve("kafka");
        int port = freePort();
        List<String> sent = new ArrayList<>();
        String clusterId;
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startPersistent(logDirectory, port);
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            clusterId = kafka.clusterId();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                String value = "record-" + i;
                acks.add(producer.send(new ProducerRecord<>(TOPIC, value)));
                sent.add(value);
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(logDirectory.resolve("meta.properties")).exists();

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startPersistent(logDirectory, port);
             KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(readAll(consumer, new TopicPartition(TOPIC, 0), RECORDS)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void temporaryBrokerServesClientsAndDeletesItsLogOnClose() throws Exception {
        Path logDirectory;
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0)) {
            logDirectory = kafka.logDirectory();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "alice", "hello")).get(30, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
                assertThat(readAll(consumer, new TopicPartition(TOPIC, 0), 1)).containsExactly("hello");
            }
            assertThat(logDirectory.resolve("meta.properties")).exists();
        }
        assertThat(Files.exists(logDirectory)).isFalse();
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Reads the partition from its start until {@code expected} values arrived or 30 s passed. */
    private static List<String> readAll(KafkaConsumer<String, String> consumer, TopicPartition partition,
                                        int expected) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
