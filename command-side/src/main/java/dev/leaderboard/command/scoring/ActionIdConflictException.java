package dev.leaderboard.command.scoring;

/** The player already used this action id for a different action type or board (HTTP 409). */
public class ActionIdConflictException extends RuntimeException {
    public ActionIdConflictException(ProcessedAction earlier) {
        super("action id '" + earlier.actionId() + "' was already used for type '" + earlier.actionType()
                + "' on leaderboard '" + earlier.leaderboardId() + "'");
    }
}
