package dev.leaderboard.command.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Kafka ingress ({@code leaderboard.kafka.*}); active on command instances where
 * {@code spring.kafka.bootstrap-servers} is set. Not under {@code leaderboard.ingress}: that is a scalar
 * ({@code LEADERBOARD_INGRESS=direct|kafka}), which a nested property could not live beside.
 *
 * @param topics   the three topics, and whether this instance creates them at start-up
 * @param consumer the consumer of the actions topic
 * @param producer the producer of outcomes, dead letters and (in Kafka ingress mode) queued actions
 */
@ConfigurationProperties("leaderboard.kafka")
public record KafkaIngressProperties(@DefaultValue Topics topics, @DefaultValue Consumer consumer,
                                     @DefaultValue Producer producer) {

    /**
     * @param actions     the ingress topic (key = userId, value = the action JSON)
     * @param deadLetters records that can never succeed, with the reason in header {@code leaderboard-reason}
     * @param outcomes    one outcome per consumed record
     * @param create      create the three topics at start-up when they do not exist (existing ones are not changed)
     * @param partitions  partitions of each topic created
     * @param replicas    replication factor of each topic created; not set: the broker's default
     */
    public record Topics(@DefaultValue("leaderboard.actions") String actions,
                         @DefaultValue("leaderboard.actions.DLT") String deadLetters,
                         @DefaultValue("leaderboard.action-outcomes") String outcomes,
                         @DefaultValue("true") boolean create,
                         @DefaultValue("12") int partitions,
                         Short replicas) {
    }

    /**
     * @param enabled              whether this instance consumes the actions topic
     * @param groupId              the consumer group; all command instances of one deployment share it
     * @param concurrency          consumer threads on this instance (each one poll batch, one transaction at a time)
     * @param maxPollRecords       most records in one poll batch, and so in one transaction
     * @param maxValueBytes        larger record values are dead-lettered as {@code invalid} (the REST body limit)
     * @param retryInitialInterval first pause before a batch that failed transiently (database down) is tried again
     * @param retryMaxInterval     longest pause between such attempts; they go on until the batch succeeds
     * @param autoStartup          start consuming at start-up; when false, consumption starts with
     *                             {@code POST /api/v1/admin/ingress/kafka/resume}
     */
    public record Consumer(@DefaultValue("true") boolean enabled,
                           @DefaultValue("leaderboard-ingress") String groupId,
                           @DefaultValue("2") int concurrency,
                           @DefaultValue("500") int maxPollRecords,
                           @DefaultValue("16384") int maxValueBytes,
                           @DefaultValue("500ms") Duration retryInitialInterval,
                           @DefaultValue("10s") Duration retryMaxInterval,
                           @DefaultValue("true") boolean autoStartup) {
    }

    /**
     * @param sendTimeout longest a send waits for the broker's acknowledgement, metadata look-up included
     *                    ({@code max.block.ms} + {@code delivery.timeout.ms}); after it a REST request in Kafka
     *                    ingress mode is answered 503
     */
    public record Producer(@DefaultValue("4s") Duration sendTimeout) {
    }
}
