package dev.leaderboard.query.rankings;

/** How ranks are numbered: {@code ordinal} (default), {@code competition} or {@code dense} ({@link StyledRanks}). */
public record RankStyleParameter(String rankStyle) {
}
