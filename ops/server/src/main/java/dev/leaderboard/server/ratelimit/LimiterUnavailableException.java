package dev.leaderboard.server.ratelimit;

/** The limiter could not decide (Redis down, slow or failing): the request goes through unchecked. */
final class LimiterUnavailableException extends RuntimeException {

    LimiterUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
