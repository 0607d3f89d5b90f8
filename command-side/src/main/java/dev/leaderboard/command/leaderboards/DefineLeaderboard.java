package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An operator defines a leaderboard or changes its name, description or tiers (validated, in order). */
public record DefineLeaderboard(String leaderboardId, String name, String description, List<Tier> tiers) {

    public DefineLeaderboard {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public DefineLeaderboard(String leaderboardId, String name, String description) {
        this(leaderboardId, name, description, List.of());
    }

    /**
     * Leaderboard streams share the event table with player streams; the {@code board:} prefix cannot occur in a
     * user id (no colon allowed there), so a board and a player with the same name never share a stream.
     */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Leaderboard.aggregateIdOf(leaderboardId);
    }
}
