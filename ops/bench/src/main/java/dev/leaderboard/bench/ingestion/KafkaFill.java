package dev.leaderboard.bench.ingestion;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts a {@link KafkaFillPlan}'s records on the ingress topic with one idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}, so a retried send never duplicates a record), batching on
 * ({@code linger.ms} 5, {@code batch.size} 256 KiB) and the chosen compression. Bounded: it stops sending at its
 * deadline and then fails.
 */
public final class KafkaFill {

    public static final List<String> COMPRESSIONS = List.of("none", "lz4", "snappy", "zstd", "gzip");
    static final int LINGER_MS = 5;
    static final int BATCH_BYTES = 256 * 1024;

    /**
     * @param records      records acknowledged by the broker
     * @param payloadBytes key + value bytes of those records, before compression
     * @param elapsed      first send to the last acknowledgement (flush)
     * @param compressionRate the producer's {@code compression-rate-avg} (compressed ÷ uncompressed batch size), or
     *                     -1 if it did not report one
     */
    public record Result(long records, long payloadBytes, Duration elapsed, String compression,
                         double compressionRate) {

        public double recordsPerSecond() {
            return elapsed.isZero() ? 0 : records / (elapsed.toNanos() / 1e9);
        }

        public double mebibytesPerSecond() {
            return elapsed.isZero() ? 0 : payloadBytes / 1048576.0 / (elapsed.toNanos() / 1e9);
        }
    }

    private KafkaFill() {
    }

    public static Properties producerProperties(String bootstrap, String compression) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "leaderboard-bench-fill");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    public static Result fill(String bootstrap, String topic, KafkaFillPlan plan, String compression,
                              Duration timeout, PrintStream progress) {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long bytes = 0;
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + 10_000_000_000L;
        double compressionRate;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap, compression))) {
            for (long i = 0; i < plan.actions(); i++) {
                if (failed.get() > 0 || System.nanoTime() > deadline) {
                    break;
                }
                byte[] key = plan.key(i);
                byte[] value = plan.value(i);
                bytes += key.length + value.length;
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, exception);
                    }
                });
                if (System.nanoTime() > nextReport) {
                    nextReport += 10_000_000_000L;
                    progress.printf(Locale.ROOT, "  kafka fill: %,d of %,d sent, %,d acknowledged%n", i + 1,
                            plan.actions(), acknowledged.get());
                }
            }
            producer.flush();
            compressionRate = metric(producer.metrics(), "compression-rate-avg");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records could not be sent to " + topic,
                    firstFailure.get());
        }
        if (acknowledged.get() != plan.actions()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the fill sent %,d of %,d records within %d s", acknowledged.get(), plan.actions(),
                    timeout.toSeconds()));
        }
        return new Result(acknowledged.get(), bytes, elapsed, compression, compressionRate);
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .filter(v -> !Double.isNaN(v))
                .findFirst().orElse(-1);
    }
}
