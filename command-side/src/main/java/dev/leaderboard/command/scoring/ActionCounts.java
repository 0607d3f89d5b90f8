package dev.leaderboard.command.scoring;

import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;

/**
 * How many actions of one type a player had accepted on one board: ever, and in the day, ISO week and month of the
 * latest one. Derived from the stored events alone, so caps decide the same on every instance and in every replay.
 */
record ActionCounts(long allTime, PeriodCount daily, PeriodCount weekly, PeriodCount monthly) {

    static final ActionCounts NONE = new ActionCounts(0, null, null, null);

    record PeriodCount(String period, long count) {
    }

    ActionCounts plusOneAt(Instant at) {
        return new ActionCounts(allTime + 1, next(daily, TimeWindow.DAILY, at), next(weekly, TimeWindow.WEEKLY, at),
                next(monthly, TimeWindow.MONTHLY, at));
    }

    /** Actions already accepted in the period of {@code window} that holds {@code at}. */
    long countIn(TimeWindow window, Instant at) {
        return switch (window) {
            case ALL_TIME -> allTime;
            case DAILY -> inPeriod(daily, window, at);
            case WEEKLY -> inPeriod(weekly, window, at);
            case MONTHLY -> inPeriod(monthly, window, at);
        };
    }

    private static long inPeriod(PeriodCount count, TimeWindow window, Instant at) {
        return count != null && count.period().equals(window.periodOf(at).key()) ? count.count() : 0;
    }

    private static PeriodCount next(PeriodCount before, TimeWindow window, Instant at) {
        String period = window.periodOf(at).key();
        return new PeriodCount(period, inPeriod(before, window, at) + 1);
    }
}
