package dev.leaderboard.bench.hotplayer;

import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.BenchTokens;
import dev.leaderboard.bench.load.HttpLoad;
import dev.leaderboard.bench.server.ProjectionCatchUp;
import dev.leaderboard.bench.server.ServerProcess;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * "A player with 100,000 past actions is as fast to serve as a new one": gives one player a long history (a few
 * actions over HTTP, then copies of its latest event with SQL), restarts the server so the aggregate cache is empty,
 * and times that player's commands against a new player's: the cold load from events, the steady state, and, after
 * another restart, the cold load from the snapshot the first load triggered.
 *
 * <p>A second, smaller player with a history ({@link #WARMER_EVENTS} events) is loaded just before each cold load
 * is timed, so the code paths that replay events and read snapshots are already compiled: the timed cold load then
 * shows the cost of the history, not the JIT's first visit.
 */
public final class HotPlayerScenario {

    /**
     * @param pastEvents    events to give the hot player (besides the few submitted over HTTP)
     * @param probeRequests sequential submissions per probe
     * @param clients       clients of the load that warms the JVM after each restart
     * @param players       players that warm-up load is spread over
     * @param jvmWarmup     how long that warm-up load runs
     */
    public record Settings(int pastEvents, int probeRequests, int clients, int players, Duration jvmWarmup) {
    }

    private static final int SUBMITTED_OVER_HTTP = 3;
    /** Above the default snapshot threshold (200), so the warmer player's first load also triggers a snapshot. */
    private static final int WARMER_EVENTS = 1_000;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROJECTION_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final ServerProcess server;
    private final BenchTokens tokens;
    private final Function<String, Database> databaseAt;
    private final Settings settings;
    private final String runId;

    /** @param databaseAt the server's database for a JDBC URL (it changes with each restart's ports) */
    public HotPlayerScenario(ServerProcess server, BenchTokens tokens, Function<String, Database> databaseAt,
                             Settings settings, String runId) {
        this.server = server;
        this.tokens = tokens;
        this.databaseAt = databaseAt;
        this.settings = settings;
        this.runId = runId;
    }

    public HotPlayerResult run() throws SQLException, InterruptedException {
        String hot = "hot-" + runId;
        String warmer = "warmer-" + runId;
        SequentialProbe seed = new SequentialProbe(client(), runId + "-seed");
        for (String player : List.of(hot, warmer)) {
            Probe seeded = seed.run(player, SUBMITTED_OVER_HTTP);
            if (!seeded.failures().isEmpty()) {
                throw new IllegalStateException(player + "'s first actions were not accepted: " + seeded.failures());
            }
        }
        long fillStart = System.nanoTime();
        long pastEvents = EventStoreFill.copyLatestEvent(database(), hot, settings.pastEvents(), runId + "-fill-");
        Duration fillTime = Duration.ofNanos(System.nanoTime() - fillStart);
        EventStoreFill.copyLatestEvent(database(), warmer, WARMER_EVENTS, runId + "-fill-");

        String projections = restartWarm();
        SequentialProbe probe = new SequentialProbe(client(), runId + "-a");
        probe.run(warmer, 1);
        Probe fresh = probe.run("fresh-" + runId, settings.probeRequests());
        Probe hotFromEvents = probe.run(hot, 1);
        boolean snapshotTaken = awaitSnapshot(hot) && awaitSnapshot(warmer);
        Probe hotSteady = probe.run(hot, settings.probeRequests());

        restartWarm();
        probe = new SequentialProbe(client(), runId + "-b");
        probe.run(warmer, 1);
        Probe hotFromSnapshot = probe.run(hot, settings.probeRequests());
        Probe freshAfterRestart = probe.run("fresh2-" + runId, settings.probeRequests());
        return new HotPlayerResult(pastEvents, fillTime, fresh, hotFromEvents, hotSteady, snapshotTaken,
                hotFromSnapshot, freshAfterRestart, projections);
    }

    /** Restart (empty caches), warm the JVM with load on other players, and let projections catch up. */
    private String restartWarm() {
        server.restart();
        new HttpLoad(client(), runId + "-jit").warmUp(settings.clients(), settings.players(), settings.jvmWarmup());
        return new ProjectionCatchUp().await(server.baseUrl(), tokens.admin(), PROJECTION_TIMEOUT);
    }

    /** The snapshot is built asynchronously after the cold load; polled, with a bounded wait. */
    private boolean awaitSnapshot(String userId) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (EventStoreFill.hasSnapshot(database(), userId)) {
                return true;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        return false;
    }

    private ActionClient client() {
        return new ActionClient(server.baseUrl(), tokens.service());
    }

    private Database database() {
        return databaseAt.apply(server.jdbcUrl());
    }
}
