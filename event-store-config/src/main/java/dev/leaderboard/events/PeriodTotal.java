package dev.leaderboard.events;

/** A player's total within one period of a time window, e.g. {@code ("2026-W47", 120)}. */
public record PeriodTotal(String period, long total) {
}
