package dev.leaderboard.command.scoring;

/** The action type is not configured, so the server cannot score it (HTTP 422). */
public class UnknownActionTypeException extends RuntimeException {
    public UnknownActionTypeException(String type) {
        super("action type '" + type + "' is not configured; GET /api/v1/action-types lists the valid ones");
    }
}
