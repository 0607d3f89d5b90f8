package dev.leaderboard.projections;

import dev.leaderboard.projections.admin.CachedStatus;
import dev.leaderboard.projections.admin.ProjectionStatus;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.healing.RedisRestorer;
import dev.leaderboard.projections.standings.AppliedEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Projection metrics on /actuator/prometheus: lag in events and seconds, events applied, rebuild progress.
 * The status behind the gauges is read at most once a second, however often it is scraped.
 */
public class ProjectionMetrics implements MeterBinder {

    private final CachedStatus status;
    private final RedisRestorer restorer;
    private final AppliedEvents appliedEvents;

    public ProjectionMetrics(ProjectionStatusReader statusReader, RedisRestorer restorer,
                             AppliedEvents appliedEvents, Clock clock) {
        this.status = new CachedStatus(statusReader::standings, clock);
        this.appliedEvents = appliedEvents;
        this.restorer = restorer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("leaderboard.projection.events.applied", appliedEvents, AppliedEvents::total)
                .description("Events applied to the standings (its rate is events applied per second)")
                .tag("projection", "standings").register(registry);
        bindProgress(registry, "standings", this::status);
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

    /**
     * The progress gauges of one processor (lag in events and seconds, position), tagged with its name; any
     * streaming processor's status from {@link ProjectionStatusReader} will do.
     */
    public static void bindProgress(MeterRegistry registry, String projection, Supplier<ProjectionStatus> status) {
        gauge(registry, projection, status, "leaderboard.projection.lag.events", "Events in the store not yet applied",
                ProjectionStatus::lag);
        gauge(registry, projection, status, "leaderboard.projection.lag.seconds",
                "Age of the oldest event not yet applied", ProjectionStatus::lagSeconds);
        gauge(registry, projection, status, "leaderboard.projection.position",
                "Position up to which every event is applied", ProjectionStatus::position);
    }

    private static void gauge(MeterRegistry registry, String projection, Supplier<ProjectionStatus> status,
                              String name, String description, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(name, status, s -> value.applyAsDouble(s.get())).description(description)
                .tag("projection", projection).register(registry);
    }

    private ProjectionStatus status() {
        return status.get();
    }
}
