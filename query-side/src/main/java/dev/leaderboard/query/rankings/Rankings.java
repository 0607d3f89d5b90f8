package dev.leaderboard.query.rankings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leaderboard.projections.layout.TopChange;
import dev.leaderboard.query.QueryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers reads: Redis first for periods, PostgreSQL when Redis cannot (expired period, lost data, Redis down),
 * PostgreSQL for custom ranges. Hot top pages are kept in memory briefly and evicted by change notifications.
 */
public class Rankings {

    private static final Logger log = LoggerFactory.getLogger(Rankings.class);

    private final RedisRankings redis;
    private final PostgresRankings postgres;
    private final int cacheMaxRows;
    private final Cache<PageKey, RankingPage> hotPages;
    private final Cache<Slice.OfRange, RangeRanking> ranges;

    public Rankings(RedisRankings redis, PostgresRankings postgres, QueryProperties properties) {
        this.redis = redis;
        this.postgres = postgres;
        this.cacheMaxRows = properties.topCacheMaxRows();
        this.hotPages = Caffeine.newBuilder().expireAfterWrite(properties.topCacheTtl()).maximumSize(10_000).build();
        this.ranges = Caffeine.newBuilder().expireAfterWrite(properties.rangeCacheTtl()).maximumSize(64).build();
    }

    record PageKey(String leaderboardId, String window, String period, long offset, int limit) {
    }

    private record RangeRanking(List<RankedEntry> entries, Map<String, Integer> indexByUser) {
        static RangeRanking of(List<RankedEntry> entries) {
            return new RangeRanking(entries, entries.stream().collect(
                    Collectors.toMap(RankedEntry::userId, e -> (int) e.rank() - 1)));
        }
    }

    public RankingPage page(Slice slice, long offset, int limit) {
        return switch (slice) {
            case Slice.OfPeriod period -> offset + limit <= cacheMaxRows
                    ? hotPages.get(new PageKey(period.leaderboardId(), period.window(), period.period().key(),
                    offset, limit), k -> periodPage(period, offset, limit))
                    : periodPage(period, offset, limit);
            case Slice.OfRange range -> {
                List<RankedEntry> all = range(range).entries();
                int from = (int) Math.min(offset, all.size());
                yield new RankingPage(all.size(), all.subList(from, Math.min(all.size(), from + limit)));
            }
        };
    }

    public Optional<PlayerPosition> position(Slice slice, String userId, int context) {
        return switch (slice) {
            case Slice.OfPeriod period -> fromRedis(() -> redis.position(period, userId, context))
                    .orElseGet(() -> postgres.position(period, userId, context));
            case Slice.OfRange range -> {
                RangeRanking ranking = range(range);
                Integer index = ranking.indexByUser().get(userId);
                if (index == null) {
                    yield Optional.empty();
                }
                long total = ranking.entries().size();
                int first = (int) PlayerPosition.windowStart(index, context, total);
                int size = (int) PlayerPosition.windowSize(context, total);
                yield Optional.of(new PlayerPosition(index + 1, ranking.entries().get(index).score(), total,
                        ranking.entries().subList(first, first + size)));
            }
        };
    }

    /** The top of a period as it is now, never from the hot-page cache (live streams compare it with what they sent). */
    public RankingPage currentTop(Slice.OfPeriod period, int top) {
        return periodPage(period, 0, top);
    }

    /** Drops cached pages of a board whose top just changed. */
    public void evict(TopChange change) {
        hotPages.asMap().keySet().removeIf(k -> k.leaderboardId().equals(change.leaderboardId())
                && k.window().equals(change.window()) && k.period().equals(change.period()));
    }

    private RankingPage periodPage(Slice.OfPeriod period, long offset, int limit) {
        return fromRedis(() -> redis.page(period, offset, limit)).orElseGet(() -> postgres.page(period, offset, limit));
    }

    private RangeRanking range(Slice.OfRange range) {
        return ranges.get(range, r -> RangeRanking.of(postgres.rangeRanking(r)));
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
