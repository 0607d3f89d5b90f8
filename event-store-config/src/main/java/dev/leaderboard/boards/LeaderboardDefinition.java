package dev.leaderboard.boards;

import java.util.List;

/** A leaderboard's identity, how it is shown, and its reward tiers in order (none by default). */
public record LeaderboardDefinition(String leaderboardId, String name, String description, List<Tier> tiers) {

    public LeaderboardDefinition {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public LeaderboardDefinition(String leaderboardId, String name, String description) {
        this(leaderboardId, name, description, List.of());
    }
}
