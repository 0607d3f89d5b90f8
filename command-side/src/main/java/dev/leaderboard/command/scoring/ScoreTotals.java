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

    /**
     * Totals after an operator's correction at {@code at}: every window moves by {@code points} but never below 0.
     * A window the correction leaves unchanged is null, so its standing (and tie-break time) stays as it was: a
     * negative correction when the player has nothing in the current period, or a total already at 0.
     */
    static WindowTotals adjusted(WindowTotals before, long points, Instant at) {
        return new WindowTotals(
                Math.max(0, before.allTime() + points),
                adjust(before.daily(), TimeWindow.DAILY, points, at),
                adjust(before.weekly(), TimeWindow.WEEKLY, points, at),
                adjust(before.monthly(), TimeWindow.MONTHLY, points, at));
    }

    /** The totals after an event whose null windows mean "unchanged". */
    static WindowTotals merged(WindowTotals before, WindowTotals changed) {
        return new WindowTotals(changed.allTime(),
                changed.daily() != null ? changed.daily() : before.daily(),
                changed.weekly() != null ? changed.weekly() : before.weekly(),
                changed.monthly() != null ? changed.monthly() : before.monthly());
    }

    static boolean withinLimit(WindowTotals totals) {
        return totals.allTime() <= MAX_TOTAL;
    }

    private static PeriodTotal add(PeriodTotal before, TimeWindow window, long points, Instant at) {
        String period = window.periodOf(at).key();
        long carried = before != null && before.period().equals(period) ? before.total() : 0;
        return new PeriodTotal(period, carried + points);
    }

    private static PeriodTotal adjust(PeriodTotal before, TimeWindow window, long points, Instant at) {
        String period = window.periodOf(at).key();
        boolean current = before != null && before.period().equals(period);
        long from = current ? before.total() : 0;
        long to = Math.max(0, from + points);
        return to == from ? null : new PeriodTotal(period, to);
    }
}
