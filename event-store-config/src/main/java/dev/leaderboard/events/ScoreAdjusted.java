package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An operator corrected a player's score on one leaderboard. The correction counts in the periods current at
 * {@code occurredAt}; each window's total moves by {@code points} but never below 0.
 *
 * @param userId        the player
 * @param leaderboardId the board corrected
 * @param adjustmentId  unique per player; a repeated request with the same id changes nothing
 * @param points        the correction asked for (negative to take points away)
 * @param totals        the player's totals on this board after the correction, per window
 * @param reason        why, as the operator wrote it
 * @param operator      the operator's subject
 * @param occurredAt    server time of the correction (never before the player's previous event)
 * @param segment       the player's segment at the time, or null (see {@link ScoreIncreased#segment()})
 */
@Revision("1")
public record ScoreAdjusted(String userId,
                            String leaderboardId,
                            String adjustmentId,
                            long points,
                            WindowTotals totals,
                            String reason,
                            String operator,
                            Instant occurredAt,
                            String segment) {

    /** A player without a segment. */
    public ScoreAdjusted(String userId, String leaderboardId, String adjustmentId, long points, WindowTotals totals,
                         String reason, String operator, Instant occurredAt) {
        this(userId, leaderboardId, adjustmentId, points, totals, reason, operator, occurredAt, null);
    }
}
