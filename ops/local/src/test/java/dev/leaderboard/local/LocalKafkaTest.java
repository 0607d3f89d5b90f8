package dev.leaderboard.local;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode's Kafka: the port and data directory from the environment reach a real broker. */
class LocalKafkaTest {

    @TempDir
    Path dataDirectory;

    @Test
    void localModeRunsKafkaOnTheConfiguredPortWithItsLogInTheDataDirectory() throws IOException {
        int port = freePort();
        LocalSettings settings = LocalSettings.from(Map.of(
                "LEADERBOARD_DATA_DIR", dataDirectory.toString(),
                "LEADERBOARD_LOCAL_KAFKA_PORT", Integer.toString(port)));

        String clusterId;
        try (EmbeddedKafkaServer kafka = LocalLauncher.startKafka(settings)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(kafka.logDirectory()).isEqualTo(dataDirectory.toAbsolutePath().resolve("kafka"));
            assertThat(dataDirectory.resolve("kafka").resolve("meta.properties")).exists();
            clusterId = kafka.clusterId();
        }
        try (EmbeddedKafkaServer kafka = LocalLauncher.startKafka(settings)) {
            assertThat(kafka.clusterId()).as("the restarted broker reuses the formatted directory")
                    .isEqualTo(clusterId);
        }
    }

    @Test
    void kafkaDefaultsToPort19092AndTheKafkaFolderOfTheDataDirectory() {
        LocalSettings defaults = LocalSettings.from(Map.of());
        assertThat(defaults.kafkaPort()).isEqualTo(19092);
        assertThat(defaults.kafkaDirectory()).isEqualTo(Path.of(".leaderboard-data").toAbsolutePath().resolve("kafka"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
