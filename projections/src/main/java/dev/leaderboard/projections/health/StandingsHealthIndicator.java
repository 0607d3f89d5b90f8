package dev.leaderboard.projections.health;

import dev.leaderboard.projections.admin.ProjectionStatus;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The standings processor: UP while running, OUT_OF_SERVICE while Redis is being restored (reads would see partial
 * boards, so readiness fails), DOWN when stopped or in error, or when its status cannot be read.
 */
public class StandingsHealthIndicator implements HealthIndicator {

    private final ProjectionStatusReader status;

    public StandingsHealthIndicator(ProjectionStatusReader status) {
        this.status = status;
    }

    @Override
    public Health health() {
        ProjectionStatus s;
        try {
            s = status.standings();
        } catch (RuntimeException e) {
            // The status lives in PostgreSQL: without it the processor cannot run either. Thrown, this would replace
            // the whole health answer (every component) with an error.
            return Health.down().withDetail("status", "unknown: the database cannot be read").build();
        }
        Health.Builder health = switch (s.status()) {
            case "running", "replaying" -> Health.up();
            case "restoring" -> Health.status(Status.OUT_OF_SERVICE);
            default -> Health.down();
        };
        return health.withDetail("status", s.status()).withDetail("lag", s.lag())
                .withDetail("liveGeneration", s.liveGeneration()).build();
    }
}
