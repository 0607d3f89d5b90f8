package dev.leaderboard.projections;

import dev.leaderboard.projections.admin.ProjectionStatus;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.healing.RedisRestorer;
import dev.leaderboard.projections.standings.AppliedEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * Projection metrics on /actuator/prometheus: lag in events and seconds, events applied, rebuild progress.
 * The status behind the gauges is read at most once a second, however often it is scraped.
 */
public class ProjectionMetrics implements MeterBinder {

    private static final Duration STATUS_TTL = Duration.ofSeconds(1);

    private final ProjectionStatusReader statusReader;
    private final RedisRestorer restorer;
    private final Clock clock;
    private final AppliedEvents appliedEvents;
    private volatile ProjectionStatus cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public ProjectionMetrics(ProjectionStatusReader statusReader, RedisRestorer restorer,
                             AppliedEvents appliedEvents, Clock clock) {
        this.statusReader = statusReader;
        this.appliedEvents = appliedEvents;
        this.restorer = restorer;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("leaderboard.projection.events.applied", appliedEvents, AppliedEvents::total)
                .description("Events applied to the standings (its rate is events applied per second)")
                .tag("projection", "standings").register(registry);
        gauge(registry, "leaderboard.projection.lag.events", "Events in the store not yet applied",
                m -> m.status().lag());
        gauge(registry, "leaderboard.projection.lag.seconds", "Age of the oldest event not yet applied",
                m -> m.status().lagSeconds());
        gauge(registry, "leaderboard.projection.position", "Position up to which every event is applied",
                m -> m.status().position());
        Gauge.builder("leaderboard.projection.rebuild.progress", this,
                        m -> m.status().replay() == null ? 1.0 : m.status().replay().progress())
                .description("Replay progress, 0..1 (1 when no replay runs)")
                .tags("projection", "standings", "kind", "replay").register(registry);
        Gauge.builder("leaderboard.projection.rebuild.progress", restorer, RedisRestorer::progress)
                .description("Restore-from-PostgreSQL progress, 0..1 (1 when no restore runs)")
                .tags("projection", "standings", "kind", "restore").register(registry);
        FunctionCounter.builder("leaderboard.projection.redis.rebuilds", restorer, RedisRestorer::rebuildsAfterLoss)
                .description("Redis rebuilt from PostgreSQL by this instance after Redis lost its data")
                .tag("projection", "standings").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<ProjectionMetrics> value) {
        Gauge.builder(name, this, value).description(description).tag("projection", "standings")
                .register(registry);
    }

    private ProjectionStatus status() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cachedAt.plus(STATUS_TTL))) {
            cached = statusReader.standings();
            cachedAt = now;
        }
        return cached;
    }
}
