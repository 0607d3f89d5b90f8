package dev.leaderboard.server.web;

/**
 * Keys of the logging context (MDC) that every log line written while a request is handled carries; the structured
 * JSON logs show them as fields. Micrometer Tracing adds {@code traceId} and {@code spanId} while tracing is on.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    /** The authenticated subject: the player's user id, or a service's or operator's name. */
    public static final String USER_ID = "userId";

    private LogContext() {
    }
}
