package dev.leaderboard.bench.ingestion;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the ingestion scenarios ({@code rest-batch}, {@code kafka}) and of their same-run baselines.
 *
 * @param batchSize           actions per {@code POST /api/v1/actions/batch} request
 * @param batchClients        concurrent clients of the batch load, one request in flight each
 * @param kafkaActions        actions pre-filled into {@code leaderboard.actions}
 * @param kafkaPlayers        players those actions are spread over (interleaved; key = userId)
 * @param kafkaDuration       measured consumption after the resume
 * @param kafkaCompression    the fill producer's {@code compression.type}
 * @param kafkaPartitions     partitions of the topic when the benchmark has to create it
 * @param kafkaGroup          the ingress consumer's group id; empty = find the group that commits on the topic
 * @param kafkaBootstrap      the broker, for a server the benchmark did not start ({@code --url})
 * @param kafkaProcesses      1, or 2: after the one-process window, a second server process joins (on the same
 *                            PostgreSQL, Redis and Kafka) and a second fill is consumed by both
 * @param baselineBatch       events (and ledger rows) per transaction of baseline (a)
 * @param baselineConnections connections of baselines (a) and (b)
 * @param baselineLimit       time limit of each baseline: no batch starts after it
 */
public record IngestionOptions(int batchSize,
                               int batchClients,
                               long kafkaActions,
                               int kafkaPlayers,
                               Duration kafkaDuration,
                               String kafkaCompression,
                               int kafkaPartitions,
                               Optional<String> kafkaGroup,
                               Optional<String> kafkaBootstrap,
                               int kafkaProcesses,
                               int baselineBatch,
                               int baselineConnections,
                               Duration baselineLimit) {

    public static final IngestionOptions DEFAULTS = new IngestionOptions(100, 4, 1_000_000, 100_000,
            Duration.ofSeconds(60), "lz4", 12, Optional.empty(), Optional.empty(), 1, 500, 2, Duration.ofSeconds(60));

    public IngestionOptions {
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("--batch-size must be 1 to 1000 (the batch endpoint's limit)");
        }
        if (kafkaProcesses < 1 || kafkaProcesses > 2) {
            throw new IllegalArgumentException("--kafka-processes must be 1 or 2");
        }
        if (!KafkaFill.COMPRESSIONS.contains(kafkaCompression)) {
            throw new IllegalArgumentException("--kafka-compression must be one of " + KafkaFill.COMPRESSIONS
                    + ", was '" + kafkaCompression + "'");
        }
    }
}
