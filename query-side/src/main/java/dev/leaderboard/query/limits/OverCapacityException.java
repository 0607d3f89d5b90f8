package dev.leaderboard.query.limits;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * A read refused because this instance is at one of its limits (a cap, the read pool, a timeout): answered with the
 * given status, a {@code Retry-After}, and a problem saying which limit.
 */
public class OverCapacityException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Duration retryAfter;

    public OverCapacityException(HttpStatus status, String title, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Whole seconds, at least 1 (the header's unit). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
