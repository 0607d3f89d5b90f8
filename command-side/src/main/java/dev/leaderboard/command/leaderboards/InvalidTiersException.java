package dev.leaderboard.command.leaderboards;

/** A board definition's tiers cannot define a board (HTTP 400); the message says why. */
public class InvalidTiersException extends RuntimeException {
    public InvalidTiersException(String message) {
        super(message);
    }
}
