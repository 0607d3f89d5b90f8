package dev.leaderboard.projections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Period;

/**
 * The standings projection ({@code leaderboard.projections.*}).
 *
 * @param segments              parallel segments of the processor (events are sequenced per player)
 * @param threads               worker threads of the processor on this instance
 * @param batchSize             events per transaction: one PostgreSQL upsert and one pipelined Redis round trip
 * @param tokenClaimInterval    how soon a released or failed segment is claimed again
 * @param retention             how long period keys stay in Redis after their period ended
 * @param healCheckInterval     how often Redis is checked for lost data
 * @param oldGenerationGrace    how long the previous generation is kept after a replay switched away from it
 * @param heartbeatInterval     how often this instance announces itself for the segment split
 * @param replayBatchSize       events per transaction while replaying
 * @param axonMetrics           Axon's per-event Micrometer monitors on the standings processor (off: they cost more
 *                              than the projection's own metrics, see docs/configuration.md)
 */
@ConfigurationProperties("leaderboard.projections")
public record ProjectionProperties(@DefaultValue("4") int segments,
                                   @DefaultValue("2") int threads,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("1s") Duration tokenClaimInterval,
                                   @DefaultValue Retention retention,
                                   @DefaultValue("1s") Duration healCheckInterval,
                                   @DefaultValue("30s") Duration oldGenerationGrace,
                                   @DefaultValue("3s") Duration heartbeatInterval,
                                   @DefaultValue("1000") int replayBatchSize,
                                   @DefaultValue("false") boolean axonMetrics) {

    /** Defaults: daily keys 35 days, weekly 15 weeks, monthly 13 months after the period ended. */
    public record Retention(@DefaultValue("35d") Period daily,
                            @DefaultValue("15w") Period weekly,
                            @DefaultValue("13m") Period monthly) {
    }
}
