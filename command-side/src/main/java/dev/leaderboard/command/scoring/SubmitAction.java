package dev.leaderboard.command.scoring;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** A player did something that may be worth points; the server decides how many. */
public record SubmitAction(@TargetAggregateIdentifier String userId,
                           String actionId,
                           String type,
                           String leaderboardId,
                           Map<String, Object> attributes) {
}
