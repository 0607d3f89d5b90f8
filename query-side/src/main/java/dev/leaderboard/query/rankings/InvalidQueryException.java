package dev.leaderboard.query.rankings;

/** A read parameter is malformed or out of range (HTTP 400); the message says which and why. */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
