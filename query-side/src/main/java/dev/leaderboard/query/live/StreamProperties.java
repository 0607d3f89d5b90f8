package dev.leaderboard.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The live stream ({@code leaderboard.stream.*}).
 *
 * @param minInterval           at most one event per this interval per board, window and top N; changes in between
 *                              coalesce into one event carrying the latest state
 * @param heartbeat             a comment line this often keeps idle connections open through proxies (and finds
 *                              clients that went away, so their slots are freed)
 * @param maxTop                largest {@code top} a client may ask for (at most the projections' published top)
 * @param timeout               a connection is closed after this long; EventSource reconnects by itself
 * @param maxConnections        open streams on this instance; one more is answered {@code 503}
 * @param maxConnectionsPerIp   open streams of one client address on this instance; one more is answered {@code 429}
 * @param retryAfter            the {@code Retry-After} of a refused stream
 * @param fanOutThreads         threads that offer one event to the clients of a large group in slices of 500
 * @param slowClientTimeout     a client whose connection takes no bytes for this long, while an event or heartbeat
 *                              waits for it, is disconnected (counted in {@code leaderboard.stream.dropped})
 */
@ConfigurationProperties("leaderboard.stream")
public record StreamProperties(@DefaultValue("250ms") Duration minInterval,
                               @DefaultValue("15s") Duration heartbeat,
                               @DefaultValue("100") int maxTop,
                               @DefaultValue("30m") Duration timeout,
                               @DefaultValue("10000") int maxConnections,
                               @DefaultValue("20") int maxConnectionsPerIp,
                               @DefaultValue("5s") Duration retryAfter,
                               @DefaultValue("10s") Duration slowClientTimeout,
                               @DefaultValue("4") int fanOutThreads) {
}
