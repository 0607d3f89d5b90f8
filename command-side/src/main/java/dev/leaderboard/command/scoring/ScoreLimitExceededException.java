package dev.leaderboard.command.scoring;

/** Accepting the action would take a total past 2^53, beyond which rankings could no longer be exact (HTTP 422). */
public class ScoreLimitExceededException extends RuntimeException {
    public ScoreLimitExceededException(String leaderboardId) {
        super("the player's total on leaderboard '" + leaderboardId + "' would exceed " + ScoreTotals.MAX_TOTAL);
    }
}
