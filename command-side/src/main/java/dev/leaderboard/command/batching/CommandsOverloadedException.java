package dev.leaderboard.command.batching;

/** The command path cannot take this submission now (queue full, or no commit in time); safe to send again. */
public class CommandsOverloadedException extends RuntimeException {
    public CommandsOverloadedException(String message) {
        super(message);
    }
}
