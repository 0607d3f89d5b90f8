package dev.leaderboard.query.rankings;

import java.util.List;

/** Rows of a slice from some offset, and how many players the slice holds. */
public record RankingPage(long totalPlayers, List<RankedEntry> entries) {

    public static final RankingPage EMPTY = new RankingPage(0, List.of());
}
