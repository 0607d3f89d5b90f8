package dev.leaderboard.query.rankings;

/** The query parameters that name one period of a board or segment (no custom range): results and subsets. */
public record PeriodParameters(String window, String period, String segment) {
}
