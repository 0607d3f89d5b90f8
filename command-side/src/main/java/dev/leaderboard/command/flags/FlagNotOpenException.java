package dev.leaderboard.command.flags;

/** The flag was resolved already (a flag is resolved once; a new match raises a new flag). */
public class FlagNotOpenException extends RuntimeException {

    public FlagNotOpenException(String flagId) {
        super("flag '" + flagId + "' is already resolved");
    }
}
