package dev.leaderboard.projections.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A processor's status read at most once a second, however often metrics are scraped. */
public final class CachedStatus implements Supplier<ProjectionStatus> {

    private static final Duration TTL = Duration.ofSeconds(1);

    private final Supplier<ProjectionStatus> reader;
    private final Clock clock;
    private volatile ProjectionStatus cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public CachedStatus(Supplier<ProjectionStatus> reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public ProjectionStatus get() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cachedAt.plus(TTL))) {
            cached = reader.get();
            cachedAt = now;
        }
        return cached;
    }
}
