package dev.leaderboard.command.actions;

/** The batch request as a whole is not acceptable (HTTP 400), e.g. an empty list. */
public class InvalidBatchException extends RuntimeException {
    public InvalidBatchException(String message) {
        super(message);
    }
}
