package dev.leaderboard.query.rankings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.limits.Permits;
import dev.leaderboard.query.limits.ReadFailures;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.Optional;

/**
 * Answers reads: Redis first for periods, PostgreSQL when Redis cannot (expired period, lost data, Redis down),
 * PostgreSQL for custom ranges, one page per query and at most {@code max-concurrent-ranges} at once. Hot top pages
 * (of periods and of ranges) are kept in memory briefly; a period's are evicted by change notifications.
 */
public class Rankings {

    private static final Logger log = LoggerFactory.getLogger(Rankings.class);

    private final RedisRankings redis;
    private final PostgresRankings postgres;
    private final ReadFailures failures;
    private final Permits rangeComputations;
    private final int cacheMaxRows;
    private final Cache<PageKey, RankingPage> hotPages;
    private final Cache<RangePageKey, RankingPage> rangePages;

    public Rankings(RedisRankings redis, PostgresRankings postgres, QueryProperties properties) {
        this.redis = redis;
        this.postgres = postgres;
        this.failures = new ReadFailures(properties.retryAfter());
        this.rangeComputations = new Permits("custom-range computations", properties.maxConcurrentRanges(),
                properties.retryAfter());
        this.cacheMaxRows = properties.topCacheMaxRows();
        this.hotPages = Caffeine.newBuilder().expireAfterWrite(properties.topCacheTtl()).maximumSize(10_000).build();
        this.rangePages = Caffeine.newBuilder().expireAfterWrite(properties.rangeCacheTtl()).maximumSize(1_000)
                .build();
    }

    record PageKey(String leaderboardId, String window, String period, long offset, int limit) {
    }

    private record RangePageKey(Slice.OfRange range, long offset, int limit) {
    }

    public RankingPage page(Slice slice, long offset, int limit) {
        return switch (slice) {
            case Slice.OfPeriod period -> offset + limit <= cacheMaxRows
                    ? hotPages.get(new PageKey(period.leaderboardId(), period.window(), period.period().key(),
                    offset, limit), k -> periodPage(period, offset, limit))
                    : periodPage(period, offset, limit);
            case Slice.OfRange range -> offset + limit <= cacheMaxRows
                    ? rangePages.get(new RangePageKey(range, offset, limit), k -> rangePage(range, offset, limit))
                    : rangePage(range, offset, limit);
        };
    }

    public Optional<PlayerPosition> position(Slice slice, String userId, int context) {
        return switch (slice) {
            case Slice.OfPeriod period -> fromRedis(() -> redis.position(period, userId, context))
                    .orElseGet(() -> failures.translate(() -> postgres.position(period, userId, context)));
            case Slice.OfRange range -> {
                try (Permits.Permit permit = rangeComputations.acquire()) {
                    yield failures.translate(() -> postgres.rangePosition(range, userId, context));
                }
            }
        };
    }

    /** The top of a period as it is now, never from the hot-page cache (live streams compare it with what they sent). */
    public RankingPage currentTop(Slice.OfPeriod period, int top) {
        return periodPage(period, 0, top);
    }

    /** Drops cached pages of a board whose top just changed, and of the custom ranges holding that day. */
    public void evict(BoardChange change) {
        if (change.isReset()) {
            hotPages.invalidateAll();
            rangePages.invalidateAll();
            return;
        }
        hotPages.asMap().keySet().removeIf(k -> k.leaderboardId().equals(change.leaderboardId())
                && k.window().equals(change.window()) && k.period().equals(change.period()));
        if (TimeWindow.DAILY.id().equals(change.window()) && !rangePages.asMap().isEmpty()) {
            rangePages.asMap().keySet().removeIf(k -> k.range().leaderboardId().equals(change.leaderboardId())
                    && k.range().from().toString().compareTo(change.period()) <= 0
                    && k.range().to().toString().compareTo(change.period()) >= 0);
        }
    }

    /** Custom-range computations running now on this instance. */
    public int rangeComputationsInUse() {
        return rangeComputations.inUse();
    }

    private RankingPage periodPage(Slice.OfPeriod period, long offset, int limit) {
        return fromRedis(() -> redis.page(period, offset, limit))
                .orElseGet(() -> failures.translate(() -> postgres.page(period, offset, limit)));
    }

    private RankingPage rangePage(Slice.OfRange range, long offset, int limit) {
        try (Permits.Permit permit = rangeComputations.acquire()) {
            return failures.translate(() -> postgres.rangePage(range, offset, limit));
        }
    }

    /** Redis's answer, or empty when Redis has none or is unreachable (then PostgreSQL answers). */
    private static <T> Optional<T> fromRedis(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            log.warn("Redis read failed, answering from PostgreSQL: {}", e.toString());
            return Optional.empty();
        }
    }

}
