package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * A player's action was accepted and scored by the server.
 *
 * @param userId        the player
 * @param leaderboardId the board the action counts on
 * @param actionId      the client's idempotency key, unique per player
 * @param actionType    the configured action type that decided the points
 * @param points        points awarded by server-side configuration at the time
 * @param totals        the player's totals on this board after the event, per window
 * @param occurredAt    server time of acceptance; decides the periods and the tie-break
 * @param attributes    free-form client attributes, stored for audit, never scored
 * @param segment       the player's segment (a trusted attribute such as a region) when the event was decided, or
 *                      null: the player then also counts on the segment's board; null in events stored before
 *                      segments existed
 */
@Revision("1")
public record ScoreIncreased(String userId,
                             String leaderboardId,
                             String actionId,
                             String actionType,
                             long points,
                             WindowTotals totals,
                             Instant occurredAt,
                             Map<String, Object> attributes,
                             String segment) {

    public ScoreIncreased {
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** A player without a segment. */
    public ScoreIncreased(String userId, String leaderboardId, String actionId, String actionType, long points,
                          WindowTotals totals, Instant occurredAt, Map<String, Object> attributes) {
        this(userId, leaderboardId, actionId, actionType, points, totals, occurredAt, attributes, null);
    }
}
