package dev.leaderboard.command.flags;

public class UnknownFlagException extends RuntimeException {

    public UnknownFlagException(String flagId) {
        super("no flag '" + flagId + "'");
    }
}
