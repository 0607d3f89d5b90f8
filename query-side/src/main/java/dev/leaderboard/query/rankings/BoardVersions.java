package dev.leaderboard.query.rankings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.projections.layout.BoardVersion;

import java.time.Duration;

/**
 * The newest version this instance knows of each board, learnt from change notifications and from reads. Knowledge
 * is kept only for {@code trustFor} (a notification lost with a dropped subscription can hide a change for at most
 * that long), and dropped entirely on a reset notification or a new subscription.
 */
public final class BoardVersions {

    private final Cache<String, BoardVersion> known;

    public BoardVersions(Duration trustFor) {
        this.known = Caffeine.newBuilder().expireAfterWrite(trustFor).maximumSize(100_000).build();
    }

    /** {@code <board>|<window>|<period>}: a board's name in this instance's caches (Redis keys: RedisKeys). */
    public static String tag(String leaderboardId, String window, String period) {
        return leaderboardId + "|" + window + "|" + period;
    }

    public static String tag(Slice.OfPeriod slice) {
        return tag(slice.leaderboardId(), slice.window(), slice.period().key());
    }

    /** The newest version known of a board, or null when none is known (then only Redis can say). */
    public BoardVersion current(String tag) {
        return known.getIfPresent(tag);
    }

    public void learn(String tag, BoardVersion version) {
        known.asMap().merge(tag, version, (old, seen) -> seen.compareTo(old) > 0 ? seen : old);
    }

    public void onChange(BoardChange change) {
        if (change.isReset()) {
            forgetAll();
        } else if (change.version() != null) {
            learn(tag(change.leaderboardId(), change.window(), change.period()), change.version());
        }
    }

    public void forgetAll() {
        known.invalidateAll();
    }
}
