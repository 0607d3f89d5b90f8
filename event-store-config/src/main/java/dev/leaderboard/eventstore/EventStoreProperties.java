package dev.leaderboard.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event store tuning ({@code leaderboard.event-store.*}).
 *
 * @param snapshotThreads    threads that build aggregate snapshots off the command path
 * @param snapshotQueueSize  snapshot requests that may wait; beyond it a request is dropped (a later one retries)
 * @param fetchDelay         how often an idle event stream polls for events appended by other instances
 * @param batchSize          events the JDBC storage engine reads per query (event streams of processors and
 *                           aggregate histories alike); Axon's default is 100
 */
@ConfigurationProperties("leaderboard.event-store")
public record EventStoreProperties(@DefaultValue("1") int snapshotThreads,
                                   @DefaultValue("1000") int snapshotQueueSize,
                                   @DefaultValue("100ms") java.time.Duration fetchDelay,
                                   @DefaultValue("1000") int batchSize) {
}
