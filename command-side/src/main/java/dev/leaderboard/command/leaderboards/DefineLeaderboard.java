package dev.leaderboard.command.leaderboards;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator defines a leaderboard or changes its name or description. */
public record DefineLeaderboard(String leaderboardId, String name, String description) {

    /**
     * Leaderboard streams share the event table with player streams; the {@code board:} prefix cannot occur in a
     * user id (no colon allowed there), so a board and a player with the same name never share a stream.
     */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Leaderboard.aggregateIdOf(leaderboardId);
    }
}
