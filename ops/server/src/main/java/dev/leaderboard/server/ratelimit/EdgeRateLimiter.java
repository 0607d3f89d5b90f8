package dev.leaderboard.server.ratelimit;

import dev.leaderboard.server.ratelimit.RedisTokenBuckets.BucketState;
import dev.leaderboard.server.ratelimit.RedisTokenBuckets.Take;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides one request against its buckets: the client address always (one token), and the player for a player
 * token's actions (one token per action). When Redis cannot answer, the request is allowed (fail open): a limiter
 * outage must not become an API outage. That is counted and logged at most once a minute. After a few failures in a
 * row Redis is left alone for {@code unavailable-backoff}, so an outage costs one timeout per interval instead of
 * one per request; a single slow call (a pause on a loaded node) lets only its own request through.
 */
final class EdgeRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(EdgeRateLimiter.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int FAILURES_BEFORE_BACKOFF = 3;

    static final String IP = "ip";
    static final String PLAYER = "player";

    private final RedisTokenBuckets buckets;
    private final RateLimitProperties properties;
    private final String keyPrefix;
    private final Counter unavailable;
    private final Counter rejectedByIp;
    private final Counter rejectedByPlayer;
    private final long backoffNanos;
    private volatile long skipRedisUntil;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    EdgeRateLimiter(RedisTokenBuckets buckets, RateLimitProperties properties, String redisKeyPrefix,
                    MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.keyPrefix = redisKeyPrefix + ":ratelimit:";
        this.backoffNanos = properties.unavailableBackoff().toNanos();
        this.skipRedisUntil = System.nanoTime();
        this.unavailable = Counter.builder("leaderboard.rate.limit.unavailable")
                .description("Requests let through unchecked because the rate limiter could not reach Redis")
                .register(meters);
        this.rejectedByIp = rejected(meters, IP);
        this.rejectedByPlayer = rejected(meters, PLAYER);
    }

    private static Counter rejected(MeterRegistry meters, String limit) {
        return Counter.builder("leaderboard.rate.limit.rejected").tag("limit", limit)
                .description("Requests refused with 429 by an edge rate limit").register(meters);
    }

    /** @param player the player-scope subject whose actions these are, or null (not a player's action) */
    Verdict check(String clientAddress, String player, long actions) {
        List<Limit> limits = new ArrayList<>(2);
        if (player != null) {
            limits.add(new Limit(PLAYER, properties.player(),
                    new Take(keyPrefix + "player:" + player, actions, properties.player())));
        }
        limits.add(new Limit(IP, properties.ip(), new Take(keyPrefix + "ip:" + clientAddress, 1, properties.ip())));
        if (System.nanoTime() - skipRedisUntil < 0) {
            unavailable.increment();
            return Verdict.UNCHECKED;
        }
        try {
            RedisTokenBuckets.Outcome outcome = buckets.take(limits.stream().map(Limit::take).toList());
            failuresInARow.set(0);
            List<Checked> checked = new ArrayList<>(limits.size());
            for (int i = 0; i < limits.size(); i++) {
                checked.add(new Checked(limits.get(i).name(), limits.get(i).bucket(), outcome.states().get(i)));
            }
            if (!outcome.allowed()) {
                checked.stream().filter(c -> c.state().waitMillis() > 0)
                        .forEach(c -> (IP.equals(c.name()) ? rejectedByIp : rejectedByPlayer).increment());
            }
            return new Verdict(outcome.allowed(), List.copyOf(checked));
        } catch (LimiterUnavailableException e) {
            if (failuresInARow.incrementAndGet() >= FAILURES_BEFORE_BACKOFF) {
                skipRedisUntil = System.nanoTime() + backoffNanos;
            }
            unavailable.increment();
            warn(e);
            return Verdict.UNCHECKED;
        }
    }

    private void warn(LimiterUnavailableException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits are not enforced: {} ({}). Requests are let through unchecked (counted in "
                            + "leaderboard_rate_limit_unavailable_total); while it keeps failing, Redis is tried "
                            + "again every {} ms.",
                    e.getMessage(), e.getCause() == null ? "no cause" : e.getCause().toString(),
                    properties.unavailableBackoff().toMillis());
        }
    }

    private record Limit(String name, RateLimitProperties.Bucket bucket, Take take) {
    }

    /** One limit that applied to the request, with its bucket's configuration and state after the call. */
    record Checked(String name, RateLimitProperties.Bucket bucket, BucketState state) {
    }

    /** Allowed or not; {@code limits} is empty when the limiter could not check (then always allowed). */
    record Verdict(boolean allowed, List<Checked> limits) {

        static final Verdict UNCHECKED = new Verdict(true, List.of());

        /** Whole seconds until every refusing bucket holds enough tokens, at least 1 (the Retry-After value). */
        long retryAfterSeconds() {
            long millis = limits.stream().mapToLong(c -> c.state().waitMillis()).max().orElse(1000);
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
