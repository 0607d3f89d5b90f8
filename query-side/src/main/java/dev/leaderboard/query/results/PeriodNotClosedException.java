package dev.leaderboard.query.results;

/** Results of a period that is still open, or ended but not closed yet (HTTP 409). */
public class PeriodNotClosedException extends RuntimeException {
    public PeriodNotClosedException(String message) {
        super(message);
    }
}
