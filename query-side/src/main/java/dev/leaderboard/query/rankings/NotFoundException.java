package dev.leaderboard.query.rankings;

/** An unknown leaderboard, or a player without a score in the requested slice (HTTP 404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
