package dev.leaderboard.command.actions;

/** A batch request with more items than allowed (HTTP 413). */
public class BatchTooLargeException extends RuntimeException {
    public BatchTooLargeException(int items, int max) {
        super("the batch holds " + items + " actions; at most " + max + " are accepted per request");
    }
}
