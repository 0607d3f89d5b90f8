package dev.leaderboard.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits every connection pool of this instance sets on its PostgreSQL sessions ({@code leaderboard.database.*}).
 * They are session defaults: a transaction that needs more (a restore, a generation cleanup, an export) raises its
 * own with {@code SET LOCAL}.
 *
 * @param statementTimeout longest one statement may run ({@code statement_timeout}); with a cursor, each fetch round
 *                         is a statement of its own. {@code 0} switches it off
 * @param lockTimeout      longest a statement waits for a lock ({@code lock_timeout}). {@code 0} switches it off
 */
@ConfigurationProperties("leaderboard.database")
public record DatabaseProperties(@DefaultValue("30s") Duration statementTimeout,
                                 @DefaultValue("10s") Duration lockTimeout) {

    public static final String PREFIX = "leaderboard.database";

    /** The libpq {@code options} startup parameter that makes both limits the session's defaults. */
    public String sessionOptions() {
        return "-c statement_timeout=" + statementTimeout.toMillis() + " -c lock_timeout=" + lockTimeout.toMillis();
    }
}
