package dev.leaderboard.projections.replay;

/** A replay is already building a new generation (HTTP 409). */
public class ReplayAlreadyRunningException extends RuntimeException {
    public ReplayAlreadyRunningException() {
        super("a replay is already running; GET /api/v1/admin/projections shows its progress");
    }
}
