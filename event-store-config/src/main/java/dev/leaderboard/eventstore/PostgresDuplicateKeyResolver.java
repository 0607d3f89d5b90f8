package dev.leaderboard.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in the cause chain, including the "next
 * exception" of a JDBC batch. Axon's default {@code JdbcSQLErrorCodesResolver} compares vendor error codes, which
 * PostgreSQL leaves at 0, so a concurrent append to the same aggregate surfaced as a generic EventStoreException
 * (HTTP 500) instead of a ConcurrencyException that the command sender retries.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
