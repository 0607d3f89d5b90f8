package dev.leaderboard.events;

/**
 * One tier of a closed period: the ordinal ranks it holds and the score of its last rank ({@code null} when empty).
 */
public record ClosedTier(String name, long fromRank, long toRank, long players, Long cutoffScore) {
}
