package dev.leaderboard.projections.periods.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The results topic ({@code leaderboard.periods.kafka.*}).
 *
 * @param topic       name of the topic
 * @param partitions  partitions when the service creates it (records are keyed by board id)
 * @param replicas    replication factor when the service creates it (broker default if unset)
 * @param create      whether the service creates the topic at startup
 * @param sendTimeout longest wait for the broker's acknowledgement before the processor retries
 */
@ConfigurationProperties("leaderboard.periods.kafka")
public record PeriodResultsKafkaProperties(@DefaultValue("leaderboard.period-results") String topic,
                                           @DefaultValue("3") int partitions,
                                           Short replicas,
                                           @DefaultValue("true") boolean create,
                                           @DefaultValue("10s") Duration sendTimeout) {
}
