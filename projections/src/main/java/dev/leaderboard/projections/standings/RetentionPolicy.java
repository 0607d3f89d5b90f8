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

    public boolean isExpired(TimeWindow window, String period, Instant now) {
        long expiresAt = expiresAtEpochSecond(window, period);
        return expiresAt != 0 && expiresAt <= now.getEpochSecond();
    }
}
