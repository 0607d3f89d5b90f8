package dev.leaderboard.events;

/**
 * A player's totals on one leaderboard after an event: all-time and the day, ISO week and month the event fell in.
 * Read models write these absolute totals, which makes applying an event twice harmless.
 */
public record WindowTotals(long allTime, PeriodTotal daily, PeriodTotal weekly, PeriodTotal monthly) {
}
