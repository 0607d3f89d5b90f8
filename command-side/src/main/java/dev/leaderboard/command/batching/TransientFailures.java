package dev.leaderboard.command.batching;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Classifies why a unit of work failed: which failures say nothing about the commands in it. */
public final class TransientFailures {

    private TransientFailures() {
    }

    /** Another writer appended to one of the batch's streams (or ledger) first: retrying decides again. */
    public static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database could not be reached or did not answer in time: retrying the same commands one by one would only
     * fail the same way, so the caller should back off (pause the consumer, answer 503).
     */
    public static boolean isStorageUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P03") || sql.getSQLState().equals("55P03")
                    || sql.getSQLState().equals("57014"))) {
                // connection exceptions, admin shutdown, cannot connect now, lock timeout, statement timeout
                return true;
            }
        }
        return false;
    }
}
