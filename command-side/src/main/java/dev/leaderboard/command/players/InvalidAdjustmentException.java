package dev.leaderboard.command.players;

public class InvalidAdjustmentException extends RuntimeException {

    public InvalidAdjustmentException(String message) {
        super(message);
    }
}
