package dev.leaderboard.projections.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The outbound score events ({@code leaderboard.outbound.*}): a streaming processor of its own that publishes score
 * events to Kafka. Active on instances with the {@code projections} role where {@code spring.kafka.bootstrap-servers}
 * is set.
 *
 * @param enabled     publish at all (the processor and its topic exist only when true)
 * @param topic       the topic, its partitions and replicas, and whether this instance creates it at start-up
 * @param segments    parallel segments of the processor (events are sequenced per aggregate, i.e. per player)
 * @param batchSize   events per batch: sent together, all acknowledged before the processor's token moves
 * @param sendTimeout longest a batch waits for the broker (metadata, then every acknowledgement); keep it below
 *                    Axon's token claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s), or
 *                    another instance may claim the segment while this one still waits
 * @param publishHistory on the processor's very first start (no tokens yet): publish every event already stored
 *                       (true) or only events stored from then on (false); later starts continue from the tokens
 */
@ConfigurationProperties("leaderboard.outbound")
public record OutboundProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue Topic topic,
                                 @DefaultValue("4") int segments,
                                 @DefaultValue("500") int batchSize,
                                 @DefaultValue("5s") Duration sendTimeout,
                                 @DefaultValue("true") boolean publishHistory) {

    /**
     * @param name       key = the event's key (userId for player events), value = the event JSON (docs/api.md)
     * @param create     create the topic at start-up when it does not exist (an existing one is not changed)
     * @param partitions partitions of the topic created
     * @param replicas   replication factor of the topic created; not set: the broker's default
     */
    public record Topic(@DefaultValue("leaderboard.score-events") String name,
                        @DefaultValue("true") boolean create,
                        @DefaultValue("12") int partitions,
                        Short replicas) {
    }
}
