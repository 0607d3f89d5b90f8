package dev.leaderboard.command.scoring;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * A player did something that may be worth points; the server decides how many.
 *
 * @param segment the player's segment as a trusted source (a service token's claim or body, a Kafka record) stated
 *                it, or null; a player can never set it. The player's aggregate decides whether it applies.
 */
public record SubmitAction(@TargetAggregateIdentifier String userId,
                           String actionId,
                           String type,
                           String leaderboardId,
                           Map<String, Object> attributes,
                           String segment) {

    /** An action that states no segment. */
    public SubmitAction(String userId, String actionId, String type, String leaderboardId,
                        Map<String, Object> attributes) {
        this(userId, actionId, type, leaderboardId, attributes, null);
    }
}
