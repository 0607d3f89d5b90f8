package dev.leaderboard.projections.balancing;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a processor's segments fairly between the instances running it. Each instance heartbeats into
 * {@code projection_node}; Axon asks {@link #getMaxSegments} on every coordination round and releases claims above
 * the fair share, which another instance then claims. When an instance stops heartbeating, the share grows back.
 */
public class SegmentBalancer implements MaxSegmentProvider, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final String projection;
    private final int configuredSegments;
    private final AtomicInteger segments;
    private final Duration interval;
    private final String nodeId = UUID.randomUUID().toString();
    private final AtomicInteger liveNodes = new AtomicInteger(1);
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(JdbcTemplate jdbc, String projection, int segments, Duration interval) {
        this.jdbc = jdbc;
        this.projection = projection;
        this.configuredSegments = segments;
        this.segments = new AtomicInteger(segments);
        this.interval = interval;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        return (segments.get() + liveNodes.get() - 1) / liveNodes.get();
    }

    void heartbeat() {
        try {
            jdbc.update("""
                    INSERT INTO projection_node (projection, node_id, heartbeat_at) VALUES (?, ?, now())
                    ON CONFLICT (projection, node_id) DO UPDATE SET heartbeat_at = now()""", projection, nodeId);
            long staleAfterMillis = interval.toMillis() * 3;
            Integer live = jdbc.queryForObject("""
                    SELECT count(*) FROM projection_node
                    WHERE projection = ? AND heartbeat_at > now() - make_interval(secs => ?)""",
                    Integer.class, projection, staleAfterMillis / 1000.0);
            liveNodes.set(Math.max(1, live == null ? 1 : live));
            // The token store knows the real count: the configured one only applies when a processor first starts.
            Integer stored = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                    Integer.class, projection);
            segments.set(stored == null || stored == 0 ? configuredSegments : stored);
            jdbc.update("DELETE FROM projection_node WHERE projection = ? AND heartbeat_at < now() - interval '1 hour'",
                    projection);
        } catch (RuntimeException e) {
            log.warn("Heartbeat for {} failed: {}", projection, e.toString());
        }
    }

    public int liveNodes() {
        return liveNodes.get();
    }

    @Override
    public synchronized void start() {
        heartbeat();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("segment-balancer").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::heartbeat, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                // Lets the other instances take over this share at once instead of after the heartbeat goes stale.
                jdbc.update("DELETE FROM projection_node WHERE projection = ? AND node_id = ?", projection, nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not sign off from {}; the heartbeat expires instead", projection, e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Start before the processors (which start in Axon's lifecycle) so the first claim already sees the share. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
