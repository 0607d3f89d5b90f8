package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.projections.layout.BoardVersion;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The read endpoints' JSON bodies, serialized once per board state: hot pages of periods (rows up to
 * {@code topCacheMaxRows}) are kept rendered with the board version they were read at, and served while no newer
 * version of their board is known, so a change notification makes exactly that board's pages stale and nothing else.
 * A page is also served at most {@code ttl} after it was read, in case a notification was lost.
 */
public class RenderedReads {

    private record PageKey(String leaderboardId, String window, String period, long offset, int limit,
                           RankStyle style) {
    }

    private final Rankings rankings;
    private final Function<String, List<Tier>> tiersOf;
    private final BoardVersions versions;
    private final ObjectMapper json;
    private final int cacheMaxRows;
    private final Cache<PageKey, Representation> hotPages;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param tiersOf a board's tiers, by its id */
    public RenderedReads(Rankings rankings, Function<String, List<Tier>> tiersOf, BoardVersions versions,
                         ObjectMapper json, int cacheMaxRows, Duration ttl) {
        this.rankings = rankings;
        this.tiersOf = tiersOf;
        this.versions = versions;
        this.json = json;
        this.cacheMaxRows = cacheMaxRows;
        this.hotPages = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    public Representation rankings(Slice slice, long offset, int limit, RankStyle style) {
        if (!(slice instanceof Slice.OfPeriod period) || offset + limit > cacheMaxRows) {
            return render(slice, offset, limit, style);
        }
        PageKey key = new PageKey(period.leaderboardId(), period.window(), period.period().key(), offset, limit,
                style);
        String tag = BoardVersions.tag(period);
        Representation cached = hotPages.getIfPresent(key);
        if (cached != null && current(cached, versions.current(tag))) {
            hits.increment();
            return cached;
        }
        // One reader renders a stale or missing page; the others wait for it instead of all asking Redis.
        return hotPages.asMap().compute(key, (k, old) -> {
            if (old != null && current(old, versions.current(tag))) {
                hits.increment();
                return old;
            }
            misses.increment();
            return render(slice, offset, limit, style);
        });
    }

    public Representation player(Slice slice, String userId, int context, RankStyle style) {
        Versioned<Optional<PlayerPosition>> read = rankings.position(slice, userId, context, style);
        learn(slice, read.version());
        PlayerPosition position = read.value().orElseThrow(() -> new NotFoundException("player '" + userId
                + "' has no score in " + slice.window() + " " + slice.view().key() + " of leaderboard '"
                + slice.boardId() + "'" + (slice.segment() == null ? "" : " in segment '" + slice.segment() + "'")));
        List<Tier> tiers = tiersOf.apply(slice.boardId());
        return Representation.of(bytes(PlayerResponse.of(slice, userId, position, tiers)), read.version(),
                tiersVariant(tiers));
    }

    /** Like {@link #knownEtag}, for a player lookup: its body also shows the board's tiers. */
    public String knownPlayerEtag(Slice slice) {
        BoardVersion known = knownVersion(slice);
        return known == null ? null : Representation.versionTag(known, tiersVariant(tiersOf.apply(
                slice.boardId())));
    }

    /** Empty without tiers; else a digest of their definition, so a tiers change changes the player tags. */
    private static String tiersVariant(List<Tier> tiers) {
        return tiers.isEmpty() ? "" : "t" + Integer.toString(BoardDirectory.tiersToJson(tiers).hashCode(), 36);
    }

    /**
     * The entity tag of the newest state of a period this instance knows without asking Redis, or null: a request
     * whose {@code If-None-Match} names it is answered {@code 304} from memory.
     */
    public String knownEtag(Slice slice) {
        BoardVersion known = knownVersion(slice);
        return known == null ? null : known.etag();
    }

    private BoardVersion knownVersion(Slice slice) {
        return slice instanceof Slice.OfPeriod period ? versions.current(BoardVersions.tag(period)) : null;
    }

    public void onChange(BoardChange change) {
        versions.onChange(change);
        if (change.isReset()) {
            hotPages.invalidateAll();
        }
    }

    /** Forgets everything derived from notifications, e.g. after the subscription was (re)established. */
    public void forgetAll() {
        versions.forgetAll();
        hotPages.invalidateAll();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private Representation render(Slice slice, long offset, int limit, RankStyle style) {
        Versioned<RankingPage> read = rankings.page(slice, offset, limit, style);
        learn(slice, read.version());
        return Representation.of(bytes(RankingsResponse.of(slice, offset, limit, read.value())), read.version());
    }

    private void learn(Slice slice, BoardVersion version) {
        if (version != null && slice instanceof Slice.OfPeriod period) {
            versions.learn(BoardVersions.tag(period), version);
        }
    }

    /** Rendered from Redis at the newest known version, or (from PostgreSQL) while no version is known at all. */
    private static boolean current(Representation page, BoardVersion known) {
        return known == null || (page.version() != null && page.version().compareTo(known) >= 0);
    }

    byte[] bytes(Object response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
