package dev.leaderboard.projections.standings;

import dev.leaderboard.projections.ProjectionProperties;
import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When a period's Redis keys expire: the period's end plus the window's retention. All-time never expires. */
public final class RetentionPolicy {

    private final Map<TimeWindow, Period> retention;
    private final Map<String, Long> expiryByPeriod = new ConcurrentHashMap<>();

    public RetentionPolicy(ProjectionProperties.Retention retention) {
        this.retention = Map.of(TimeWindow.DAILY, retention.daily(), TimeWindow.WEEKLY, retention.weekly(),
                TimeWindow.MONTHLY, retention.monthly());
    }

    /** Epoch second at which the period's keys expire, or 0 for never. */
    public long expiresAtEpochSecond(TimeWindow window, String period) {
        if (window == TimeWindow.ALL_TIME) {
            return 0;
        }
        return expiryByPeriod.computeIfAbsent(window.id() + "/" + period, k -> {
            LocalDate end = LocalDate.ofInstant(window.parsePeriod(period).end(), ZoneOffset.UTC);
            return end.plus(retention.get(window)).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        });
    }

    /**
     * The key of the oldest period of a window whose keys may still be in Redis at {@code now}, with a week's margin
     * for a Redis clock behind ours; period keys sort in time order, so every later key is newer. Empty for
     * all-time.
     */
    public String oldestPeriodKeptAt(TimeWindow window, Instant now) {
        if (window == TimeWindow.ALL_TIME) {
            return "";
        }
        LocalDate oldestKept = LocalDate.ofInstant(now, ZoneOffset.UTC).minus(retention.get(window)).minusWeeks(1);
        return window.periodOf(oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant()).key();
    }

    public boolean isExpired(TimeWindow window, String period, Instant now) {
        long expiresAt = expiresAtEpochSecond(window, period);
        return expiresAt != 0 && expiresAt <= now.getEpochSecond();
    }
}
