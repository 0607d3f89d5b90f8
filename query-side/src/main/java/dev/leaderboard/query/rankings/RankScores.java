package dev.leaderboard.query.rankings;

import java.util.Map;

/** Scores at some ordinal ranks of a slice (a rank past the end has none), read with the slice's size. */
public record RankScores(long totalPlayers, Map<Long, Long> scoreAt) {
}
