package dev.leaderboard.command.actions;

/** The caller's token does not allow submitting for the named player (HTTP 403). */
public class ForbiddenSubmissionException extends RuntimeException {
    public ForbiddenSubmissionException(String message) {
        super(message);
    }
}
