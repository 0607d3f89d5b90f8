package dev.leaderboard.command.players;

public class NotSuspendedException extends RuntimeException {

    public NotSuspendedException(String userId) {
        super("player '" + userId + "' is not suspended");
    }
}
