package dev.leaderboard.projections.healing;

import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.standings.RedisStandings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notices within one check interval that Redis lost its data (restart without persistence, FLUSHALL, failover to an
 * empty replica: the generation pointer is gone) and restores it from PostgreSQL without operator action.
 */
public class RedisHealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisHealer.class);

    private final RedisStandings redis;
    private final RedisRestorer restorer;
    private final ProjectionGenerations generations;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RedisHealer(RedisStandings redis, RedisRestorer restorer, ProjectionGenerations generations,
                       Duration interval) {
        this.redis = redis;
        this.restorer = restorer;
        this.generations = generations;
        this.interval = interval;
    }

    void check() {
        try {
            Integer pointer = redis.generationPointer();
            if (pointer == null) {
                log.warn("Redis has no standings generation pointer: restoring from PostgreSQL");
                restorer.restore(true);
                return;
            }
            int live = generations.current().live();
            if (pointer != live) {
                // A replay switched in PostgreSQL but its pointer update did not reach Redis.
                log.warn("Redis points readers at generation {} but generation {} is live: correcting", pointer, live);
                redis.setGenerationPointer(live);
            }
        } catch (RuntimeException e) {
            log.warn("Redis check or restore failed; retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("redis-healer").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
