package dev.leaderboard.command.players;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator corrects a player's score on one board by {@code points} (negative takes points away). */
public record AdjustScore(@TargetAggregateIdentifier String userId, String leaderboardId, String adjustmentId,
                          long points, String reason, String operator) {
}
