package dev.leaderboard.query.export;

import dev.leaderboard.query.limits.Permits;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one export holds from the moment it is admitted: its permit and its read-pool connection (with the export's
 * transaction open). Given back exactly once: by the streaming body when it ends, or, if the body never ran (the
 * request timed out or failed before its turn on the async executor), when the request completes.
 */
final class ExportLease {

    private static final int ADMITTED = 0;
    private static final int STREAMING = 1;
    private static final int RELEASED = 2;

    private final Permits.Permit permit;
    private final Connection connection;
    private final AtomicInteger state = new AtomicInteger(ADMITTED);

    ExportLease(Permits.Permit permit, Connection connection) {
        this.permit = permit;
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The body starts streaming; false if the lease was already given back (then the body must write nothing). */
    boolean startStreaming() {
        return state.compareAndSet(ADMITTED, STREAMING);
    }

    /** The body is done (normally or not). */
    void endStreaming() {
        if (state.compareAndSet(STREAMING, RELEASED)) {
            release();
        }
    }

    /** The request is over; gives the lease back unless the body holds it (the body then does, when it ends). */
    void requestCompleted() {
        if (state.compareAndSet(ADMITTED, RELEASED)) {
            release();
        }
    }

    private void release() {
        try (permit) {
            connection.rollback(); // read only: nothing to commit; ends the snapshot before the pool reuses it
        } catch (SQLException ignored) {
            // a broken connection: closing it below lets the pool replace it
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already closed
            }
        }
    }
}
