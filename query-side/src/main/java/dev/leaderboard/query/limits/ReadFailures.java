package dev.leaderboard.query.limits;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * PostgreSQL reads that fail for capacity rather than for a bug: no connection free in the read pool within its
 * connection timeout, the database unreachable, a statement or lock timeout. They become a {@code 503} with
 * {@code Retry-After}; anything else stays what it is.
 */
public final class ReadFailures {

    private final Duration retryAfter;

    public ReadFailures(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public <T> T translate(Supplier<T> read) {
        try {
            return read.get();
        } catch (DataAccessException | CannotCreateTransactionException e) {
            throw translate(e);
        }
    }

    public RuntimeException translate(RuntimeException e) {
        if (e instanceof QueryTimeoutException || e instanceof CannotAcquireLockException) {
            return new OverCapacityException(HttpStatus.SERVICE_UNAVAILABLE, "Read timed out",
                    "the read took longer than this instance allows; retry later", retryAfter);
        }
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof CannotCreateTransactionException) {
            return new OverCapacityException(HttpStatus.SERVICE_UNAVAILABLE, "Reads unavailable",
                    "the database cannot serve this read now; retry later", retryAfter);
        }
        return e;
    }
}
