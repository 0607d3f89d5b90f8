package dev.leaderboard.query;

import dev.leaderboard.projections.layout.RedisKeys;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * OUT_OF_SERVICE while a restore copies PostgreSQL back into Redis (on whichever instance runs it), so readiness
 * fails for its duration; reads that still arrive are answered from PostgreSQL. When Redis cannot be asked at all,
 * reads fall back to PostgreSQL too, so this stays UP (Redis's own health shows the outage).
 */
public class ReadModelHealthIndicator implements HealthIndicator {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public ReadModelHealthIndicator(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Health health() {
        try {
            return Boolean.TRUE.equals(redis.hasKey(keys.restoringMarker()))
                    ? Health.status(Status.OUT_OF_SERVICE).withDetail("redis", "being restored").build()
                    : Health.up().build();
        } catch (RuntimeException e) {
            return Health.up().withDetail("redis", "unreachable; reads answered from PostgreSQL").build();
        }
    }
}
