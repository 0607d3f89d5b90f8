package dev.leaderboard.command.scoring;

import java.time.Instant;

/** A row of the idempotency ledger: an action the server accepted, and what it was worth. */
public record ProcessedAction(String userId, String actionId, String leaderboardId, String actionType, long points,
                              Instant acceptedAt) {

    boolean isSameActionAs(SubmitAction command) {
        return actionType.equals(command.type()) && leaderboardId.equals(command.leaderboardId());
    }

    ActionOutcome asDuplicate() {
        return new ActionOutcome(actionId, userId, leaderboardId, actionType, points, ActionOutcome.Status.DUPLICATE,
                null);
    }
}
