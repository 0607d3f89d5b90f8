package dev.leaderboard.boards;

/** A leaderboard's identity and how it is shown. */
public record LeaderboardDefinition(String leaderboardId, String name, String description) {
}
