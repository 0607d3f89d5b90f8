package dev.leaderboard.command.players;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hide a player from every board and refuse their actions until reinstated. */
public record SuspendPlayer(@TargetAggregateIdentifier String userId, String reason, String operator) {
}
