package dev.leaderboard.command.leaderboards;

/** No leaderboard with this id is configured or defined (HTTP 404). */
public class UnknownLeaderboardException extends RuntimeException {
    public UnknownLeaderboardException(String leaderboardId) {
        super("leaderboard '" + leaderboardId + "' does not exist");
    }
}
