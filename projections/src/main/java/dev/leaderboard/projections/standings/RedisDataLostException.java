package dev.leaderboard.projections.standings;

/** Redis no longer has the generation pointer: its data is gone until the healer restores it. */
public class RedisDataLostException extends RuntimeException {
    public RedisDataLostException(Throwable cause) {
        super("Redis lost its data (generation pointer missing); waiting for the restore from PostgreSQL", cause);
    }
}
