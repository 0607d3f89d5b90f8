package dev.leaderboard.command.scoring;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;

/** Pure arithmetic of a player's totals per window: a period's total restarts when the period changes. */
final class ScoreTotals {

    /** Totals stay exactly representable as a Redis sorted-set score (an IEEE double). */
    static final long MAX_TOTAL = 1L << 53;

    static final WindowTotals NONE = new WindowTotals(0, null, null, null);

    private ScoreTotals() {
    }

    static WindowTotals after(WindowTotals before, long points, Instant at) {
        return new WindowTotals(
                before.allTime() + points,
                add(before.daily(), TimeWindow.DAILY, points, at),
                add(before.weekly(), TimeWindow.WEEKLY, points, at),
                add(before.monthly(), TimeWindow.MONTHLY, points, at));
    }

    static boolean withinLimit(WindowTotals totals) {
        return totals.allTime() <= MAX_TOTAL;
    }

    private static PeriodTotal add(PeriodTotal before, TimeWindow window, long points, Instant at) {
        String period = window.periodOf(at).key();
        long carried = before != null && before.period().equals(period) ? before.total() : 0;
        return new PeriodTotal(period, carried + points);
    }
}
