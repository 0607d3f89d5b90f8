package dev.leaderboard.command.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.events.WindowTotals;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a player's audit trail, as stored: what happened, what it was worth, the totals after it, why (for
 * operator corrections and flags), and who sent it from where. {@code operator}, {@code flagId}, {@code rule},
 * {@code evidence}, {@code resolution} and {@code segment} appear only on the events that have them.
 */
public record HistoryEntry(long sequenceNumber, String type, String leaderboardId, String actionId,
                           String actionType, Long points, WindowTotals totalsAfter, String reason, Instant time,
                           String clientIp, String userAgent, String requestId, String submittedBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String traceId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String operator,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String flagId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String rule,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> evidence,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String resolution,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String segment) {

    /** The same entry, of an event that placed the player in a segment (null: none). */
    HistoryEntry inSegment(String segment) {
        return new HistoryEntry(sequenceNumber, type, leaderboardId, actionId, actionType, points, totalsAfter, reason,
                time, clientIp, userAgent, requestId, submittedBy, traceId, operator, flagId, rule, evidence,
                resolution, segment);
    }
}
