package dev.leaderboard.windows;

import java.time.Instant;

/** One period of a time window: its key (e.g. {@code 2026-W47}) and its half-open UTC interval [start, end). */
public record Period(String key, Instant start, Instant end) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
