package dev.leaderboard.command.leaderboards;

/** A leaderboard's identity and how it is shown. */
public record LeaderboardDefinition(String leaderboardId, String name, String description) {
}
