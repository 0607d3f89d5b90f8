package dev.leaderboard.command.history;

import dev.leaderboard.events.WindowTotals;

import java.time.Instant;

/**
 * One event of a player's audit trail, as stored: what happened, what it was worth, the totals after it, and who
 * sent it from where.
 */
public record HistoryEntry(long sequenceNumber, String type, String leaderboardId, String actionId,
                           String actionType, Long points, WindowTotals totalsAfter, String reason, Instant time,
                           String clientIp, String userAgent, String requestId, String submittedBy) {
}
