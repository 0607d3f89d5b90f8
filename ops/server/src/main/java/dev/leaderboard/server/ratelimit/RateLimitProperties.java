package dev.leaderboard.server.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Edge rate limits: token buckets in Redis, shared by every instance ({@code leaderboard.rate-limits.*}).
 *
 * @param enabled            {@code LEADERBOARD_RATE_LIMITS_ENABLED}; off for benchmarks and trusted deployments
 * @param player             actions per player-scope token subject (a batch of n items takes n tokens)
 * @param ip                 requests per client address (IPv6: per /64)
 * @param redisTimeout       longest a request waits for the limiter's Redis call before it is let through unchecked
 * @param unavailableBackoff after three failed Redis calls in a row, requests go unchecked for this long before Redis is
 *                           tried again, so a dead Redis costs one timeout per interval, not one per request
 */
@ConfigurationProperties("leaderboard.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  Bucket player,
                                  Bucket ip,
                                  @DefaultValue("100ms") Duration redisTimeout,
                                  @DefaultValue("1s") Duration unavailableBackoff) {

    public RateLimitProperties {
        player = Bucket.orDefaults(player, "player", 20, 10);
        ip = Bucket.orDefaults(ip, "ip", 600, 300);
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalStateException("leaderboard.rate-limits.redis-timeout must be positive");
        }
    }

    /**
     * @param burst            tokens a full bucket holds: the most a client can send at once
     * @param refillPerSecond  tokens added per second: the sustained rate
     */
    public record Bucket(Long burst, Double refillPerSecond) {

        static Bucket orDefaults(Bucket given, String name, long burst, double refillPerSecond) {
            Bucket bucket = new Bucket(given == null || given.burst == null ? burst : given.burst,
                    given == null || given.refillPerSecond == null ? refillPerSecond : given.refillPerSecond);
            if (bucket.burst < 1 || !(bucket.refillPerSecond > 0)) {
                throw new IllegalStateException("leaderboard.rate-limits." + name
                        + ": burst must be at least 1 and refill-per-second above 0, were " + bucket.burst + " and "
                        + bucket.refillPerSecond);
            }
            return bucket;
        }

        /** Microseconds between two tokens. */
        double microsPerToken() {
            return 1_000_000d / refillPerSecond;
        }

        /** Seconds an empty bucket needs to fill up: the window {@code w} of the RateLimit-Policy header. */
        long windowSeconds() {
            return Math.max(1, (long) Math.ceil(burst / refillPerSecond));
        }
    }
}
