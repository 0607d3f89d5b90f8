package dev.leaderboard.server.projections;

import dev.leaderboard.projections.admin.ProjectionStatus;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.server.support.ServerInstance;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits (polling, bounded) until the standings projection has applied every event in the store. */
public final class ProjectionProgress {

    private ProjectionProgress() {
    }

    public static void awaitCaughtUp(ServerInstance server) {
        awaitCaughtUp(server, Duration.ofSeconds(60));
    }

    /** After an outage: Axon waits up to 60 s before it retries a segment whose batches kept failing. */
    public static void awaitCaughtUp(ServerInstance server, Duration atMost) {
        ProjectionStatusReader status = server.bean(ProjectionStatusReader.class);
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            ProjectionStatus s = status.standings();
            return s.lag() == 0 && s.replay() == null && "running".equals(s.status());
        });
    }
}
