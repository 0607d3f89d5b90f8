package dev.leaderboard.command.players;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.leaderboard.events.WindowTotals;

import java.time.Instant;
import java.util.Locale;

/** The answer to an adjustment: what was applied and the totals after it. */
public record Adjustment(String userId, String leaderboardId, String adjustmentId, long points, WindowTotals totals,
                         String reason, String operator, Instant occurredAt, Status status) {

    public enum Status {
        /** Stored as a ScoreAdjusted event. */
        APPLIED,
        /** An adjustment with this id was applied before; nothing changed. */
        DUPLICATE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
