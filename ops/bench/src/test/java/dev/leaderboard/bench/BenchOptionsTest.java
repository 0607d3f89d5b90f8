package dev.leaderboard.bench;

import dev.leaderboard.bench.ingestion.IngestionOptions;
import dev.leaderboard.bench.server.StorageEngine;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final String LOCAL_SECRET = "local-secret-local-secret-local-secret";

    @Test
    void defaultsStartAJdbcServerWithSixteenClientsOverTenThousandPlayers() {
        BenchOptions options = BenchOptions.parse(new String[0], Map.of(), LOCAL_SECRET);

        assertThat(options.startsServer()).isTrue();
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.players()).isEqualTo(10_000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.engines()).containsExactly(StorageEngine.JDBC);
        assertThat(options.hotEvents()).isEqualTo(100_000);
        assertThat(options.jwtSecret()).isEqualTo(LOCAL_SECRET);
        assertThat(options.scenarios()).isEqualTo(WriteScenario.DEFAULT);
        assertThat(options.ingestion()).isEqualTo(IngestionOptions.DEFAULTS);
        assertThat(options.serverJfr()).isEmpty();
    }

    @Test
    void theIngestionDefaultsAreTheBriefsSizes() {
        IngestionOptions ingestion = IngestionOptions.DEFAULTS;

        assertThat(ingestion.batchSize()).isEqualTo(100);
        assertThat(ingestion.batchClients()).isEqualTo(4);
        assertThat(ingestion.kafkaActions()).isEqualTo(1_000_000);
        assertThat(ingestion.kafkaPlayers()).isEqualTo(100_000);
        assertThat(ingestion.kafkaDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ingestion.kafkaCompression()).isEqualTo("lz4");
        assertThat(ingestion.baselineBatch()).isEqualTo(500);
    }

    @Test
    void theIngestionOptionsAreRead() {
        BenchOptions options = BenchOptions.parse(new String[]{"--scenario", "rest-batch,kafka",
                "--batch-size", "250", "--batch-clients", "8", "--kafka-actions", "2_000_000", "--kafka-players", "50",
                "--kafka-duration", "20", "--kafka-compression", "NONE", "--kafka-partitions", "6",
                "--kafka-group", "ingress", "--kafka-bootstrap", "127.0.0.1:9092", "--kafka-processes", "2",
                "--baseline-batch", "1000",
                "--baseline-connections", "3", "--baseline-seconds", "15", "--server-jfr", "/tmp/jfr"},
                Map.of(), LOCAL_SECRET);

        assertThat(options.scenarios()).containsExactlyInAnyOrder(WriteScenario.REST_BATCH, WriteScenario.KAFKA);
        assertThat(options.runs(WriteScenario.REST_SINGLE)).isFalse();
        assertThat(options.ingestion()).isEqualTo(new IngestionOptions(250, 8, 2_000_000, 50,
                Duration.ofSeconds(20), "none", 6, java.util.Optional.of("ingress"),
                java.util.Optional.of("127.0.0.1:9092"), 2, 1000, 3, Duration.ofSeconds(15)));
        assertThat(options.serverJfr()).contains(Path.of("/tmp/jfr"));
    }

    @Test
    void theKafkaScenarioStartsTheServerWithItsConsumerNotConsuming() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        BenchOptions kafka = BenchOptions.parse(new String[]{"--scenario", "kafka", "--server-arg", "a.b=c"},
                Map.of(), LOCAL_SECRET);
        BenchOptions rest = BenchOptions.parse(new String[]{"--scenario", "rest-single"}, Map.of(), LOCAL_SECRET);
        BenchOptions own = BenchOptions.parse(new String[]{"--scenario", "kafka", "--server-arg",
                "leaderboard.kafka.consumer.auto-startup=true"}, Map.of(), LOCAL_SECRET);

        assertThat(new WriteBenchmark(kafka, quiet).serverArguments())
                .containsExactly("--a.b=c", "--leaderboard.kafka.consumer.auto-startup=false");
        assertThat(new WriteBenchmark(rest, quiet).serverArguments()).isEmpty();
        assertThat(new WriteBenchmark(own, quiet).serverArguments())
                .containsExactly("--leaderboard.kafka.consumer.auto-startup=true");
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchOptions.parse(new String[]{
                "--url", "http://127.0.0.1:9090", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/x",
                "--clients", "4", "--players", "1_000", "--duration", "5", "--warmup", "0", "--engine", "both",
                "--hot-events", "0", "--probe-requests", "50", "--server-java-opts", "-Xmx1g -XX:+UseG1GC",
                "--server-arg", "axon.timeout.enabled=false", "--server-arg", "--a.b=c", "--jwt-secret", "s",
                "--keep-data"}, Map.of(), LOCAL_SECRET);

        assertThat(options.url()).contains(URI.create("http://127.0.0.1:9090"));
        assertThat(options.startsServer()).isFalse();
        assertThat(options.jdbcUrl()).contains("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.players()).isEqualTo(1_000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.warmup()).isZero();
        assertThat(options.engines()).containsExactly(StorageEngine.JDBC, StorageEngine.JPA);
        assertThat(options.hotEvents()).isZero();
        assertThat(options.probeRequests()).isEqualTo(50);
        assertThat(options.serverJavaOptions()).isEqualTo(List.of("-Xmx1g", "-XX:+UseG1GC"));
        assertThat(options.serverArguments()).containsExactly("--axon.timeout.enabled=false", "--a.b=c");
        assertThat(options.jwtSecret()).isEqualTo("s");
        assertThat(options.keepData()).isTrue();
    }

    @Test
    void theSecretComesFromTheEnvironmentWhenSet() {
        BenchOptions options = BenchOptions.parse(new String[0], Map.of("LEADERBOARD_JWT_SECRET", "from-env"),
                LOCAL_SECRET);

        assertThat(options.jwtSecret()).isEqualTo("from-env");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--clients", "0"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("--clients must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--engine", "mongo"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("jdbc or jpa");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--duration"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("--duration needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--server-arg", "x"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--speed", "1"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("unknown option '--speed'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--batch-size", "1001"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("--batch-size must be 1 to 1000");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--kafka-compression", "brotli"}, Map.of(),
                LOCAL_SECRET)).hasMessageContaining("--kafka-compression must be one of");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--scenario", "soap"}, Map.of(), LOCAL_SECRET))
                .hasMessageContaining("--scenario must be");
    }
}
