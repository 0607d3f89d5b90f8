package dev.leaderboard.command.history;

/** The event store holds nothing for this player (HTTP 404). */
public class UnknownPlayerException extends RuntimeException {
    public UnknownPlayerException(String userId) {
        super("player '" + userId + "' has no events");
    }
}
