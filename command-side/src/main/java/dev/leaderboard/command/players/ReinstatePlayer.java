package dev.leaderboard.command.players;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift a player's suspension. */
public record ReinstatePlayer(@TargetAggregateIdentifier String userId, String reason, String operator) {
}
