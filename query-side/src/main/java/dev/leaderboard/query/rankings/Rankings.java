package dev.leaderboard.query.rankings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.limits.Permits;
import dev.leaderboard.query.limits.ReadFailures;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers reads: Redis first for periods (with the board version the rows were read at), PostgreSQL when Redis
 * cannot (expired period, lost data, Redis down; no version then), PostgreSQL for custom ranges, one page per query
 * and at most {@code max-concurrent-ranges} at once. Computed pages of custom ranges are kept briefly; the hot pages
 * of periods are cached, rendered, by {@link RenderedReads}. Dense ranks come from PostgreSQL (see
 * {@link RedisRankings}).
 */
public class Rankings {

    private static final Logger log = LoggerFactory.getLogger(Rankings.class);

    private final RedisRankings redis;
    private final PostgresRankings postgres;
    private final ReadFailures failures;
    private final Permits rangeComputations;
    private final Permits denseComputations;
    private final int cacheMaxRows;
    private final Cache<RangePageKey, RankingPage> rangePages;

    public Rankings(RedisRankings redis, PostgresRankings postgres, QueryProperties properties) {
        this.redis = redis;
        this.postgres = postgres;
        this.failures = new ReadFailures(properties.retryAfter());
        this.rangeComputations = new Permits("custom-range computations", properties.maxConcurrentRanges(),
                properties.retryAfter());
        this.denseComputations = new Permits("dense-rank computations", properties.maxConcurrentRanges(),
                properties.retryAfter());
        this.cacheMaxRows = properties.topCacheMaxRows();
        this.rangePages = Caffeine.newBuilder().expireAfterWrite(properties.rangeCacheTtl()).maximumSize(1_000)
                .build();
    }

    private record RangePageKey(Slice.OfRange range, long offset, int limit, RankStyle style) {
    }

    public Versioned<RankingPage> page(Slice slice, long offset, int limit, RankStyle style) {
        return switch (slice) {
            case Slice.OfPeriod period -> periodPage(period, offset, limit, style);
            case Slice.OfRange range -> new Versioned<>(offset + limit <= cacheMaxRows
                    ? rangePages.get(new RangePageKey(range, offset, limit, style),
                    k -> rangePage(range, offset, limit, style))
                    : rangePage(range, offset, limit, style), null);
        };
    }

    public Versioned<Optional<PlayerPosition>> position(Slice slice, String userId, int context, RankStyle style) {
        return switch (slice) {
            case Slice.OfPeriod period -> redisElsePostgres(style == RankStyle.DENSE,
                    () -> redis.position(period, userId, context, style),
                    () -> postgres.position(period, userId, context, style));
            case Slice.OfRange range -> {
                try (Permits.Permit permit = rangeComputations.acquire()) {
                    yield new Versioned<>(failures.translate(() ->
                            postgres.rangePosition(range, userId, context, style)), null);
                }
            }
        };
    }

    /** The scores at some 1-based ordinal ranks with the slice's size (tier cutoffs): Redis, else PostgreSQL. */
    public Versioned<RankScores> scoresAt(Slice slice, List<Long> ranks) {
        return switch (slice) {
            case Slice.OfPeriod period -> redisElsePostgres(false, () -> redis.scoresAt(period, ranks),
                    () -> postgres.scoresAt(period, ranks));
            case Slice.OfRange range -> {
                try (Permits.Permit permit = rangeComputations.acquire()) {
                    yield new Versioned<>(failures.translate(() -> postgres.scoresAt(range, ranks)), null);
                }
            }
        };
    }

    /** The given players' ranks on a period's board, from Redis, or from PostgreSQL when Redis cannot answer. */
    public SubsetRanks subset(Slice.OfPeriod period, List<String> userIds) {
        return fromRedis(() -> redis.subset(period, userIds))
                .orElseGet(() -> failures.translate(() -> postgres.subset(period, userIds)));
    }

    /** The top of a period as it is now, never from a cache (live streams compare it with what they sent). */
    public RankingPage currentTop(Slice.OfPeriod period, int top) {
        return periodPage(period, 0, top, RankStyle.ORDINAL).value();
    }

    /** Drops computed pages of the custom ranges holding a day that just changed (all of them on a reset). */
    public void evict(BoardChange change) {
        if (change.isReset()) {
            rangePages.invalidateAll();
        } else if (TimeWindow.DAILY.id().equals(change.window()) && !rangePages.asMap().isEmpty()) {
            rangePages.asMap().keySet().removeIf(k -> k.range().leaderboardId().equals(change.leaderboardId())
                    && k.range().from().toString().compareTo(change.period()) <= 0
                    && k.range().to().toString().compareTo(change.period()) >= 0);
        }
    }

    /** Custom-range computations running now on this instance. */
    public int rangeComputationsInUse() {
        return rangeComputations.inUse();
    }

    private Versioned<RankingPage> periodPage(Slice.OfPeriod period, long offset, int limit, RankStyle style) {
        return redisElsePostgres(style == RankStyle.DENSE, () -> redis.page(period, offset, limit, style),
                () -> postgres.page(period, offset, limit, style));
    }

    /**
     * Redis's answer when it can give one, else PostgreSQL's (no version then). Dense ranks always come from
     * PostgreSQL, and at most {@code max-concurrent-ranges} of them at once: on a deep page each walks the board's
     * index above the page.
     */
    private <T> Versioned<T> redisElsePostgres(boolean dense, Supplier<Optional<Versioned<T>>> redisRead,
                                               Supplier<T> postgresRead) {
        if (dense) {
            try (Permits.Permit permit = denseComputations.acquire()) {
                return new Versioned<>(failures.translate(postgresRead), null);
            }
        }
        return fromRedis(redisRead).orElseGet(() -> new Versioned<>(failures.translate(postgresRead), null));
    }

    private RankingPage rangePage(Slice.OfRange range, long offset, int limit, RankStyle style) {
        try (Permits.Permit permit = rangeComputations.acquire()) {
            return failures.translate(() -> postgres.rangePage(range, offset, limit, style));
        }
    }

    /** Redis's answer, or empty when Redis has none or is unreachable (then PostgreSQL answers). */
    private static <T> Optional<T> fromRedis(Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            log.warn("Redis read failed, answering from PostgreSQL: {}", e.toString());
            return Optional.empty();
        }
    }

}
