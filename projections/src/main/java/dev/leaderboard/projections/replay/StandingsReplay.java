package dev.leaderboard.projections.replay;

import dev.leaderboard.projections.ProjectionProperties;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.periods.Fences;
import dev.leaderboard.projections.periods.PeriodFences;
import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.projections.standings.StandingChanges;
import dev.leaderboard.projections.standings.StandingsOfEvents;
import dev.leaderboard.projections.standings.StandingsWriter;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the standings from the first event of the event store into a new generation, while readers keep using
 * the live one. Live processing writes both generations during the rebuild, so once this reader has reached the
 * head of the store the new generation is complete, and the switch is one pointer update. The previous generation
 * is deleted after a grace period, so readers that resolved it just before the switch still finish.
 * Each run has an id: a cancelled or stale run can never write into, or switch to, another run's build.
 */
public class StandingsReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandingsReplay.class);
    private static final long START_LOCK = 0x5245504C4159L; // "REPLAY"

    private final EventStore eventStore;
    private final StandingsWriter writer;
    private final ProjectionGenerations generations;
    private final RedisStandings redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private final PeriodFences periodFences;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("standings-replay").daemon().factory());
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("standings-generation-cleanup").daemon().factory());

    public StandingsReplay(EventStore eventStore, StandingsWriter writer, ProjectionGenerations generations,
                           RedisStandings redis, JdbcTemplate jdbc, TransactionTemplate transactions,
                           ProjectionProperties properties, PeriodFences periodFences) {
        this.eventStore = eventStore;
        this.writer = writer;
        this.generations = generations;
        this.redis = redis;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.periodFences = periodFences;
    }

    /** Claims a new generation and starts rebuilding it in the background. */
    public int start() {
        String run = UUID.randomUUID().toString();
        long head = position(eventStore.createHeadToken());
        Integer generation = transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, START_LOCK);
            // Deleting left-over generations can take longer than the pool's statement_timeout on a large board.
            jdbc.execute("SET LOCAL statement_timeout = 0");
            if (generations.current().isBuilding()) {
                return null;
            }
            int live = generations.current().live();
            generations.deleteRowsExcept(live); // leftovers of cancelled replays and missed cleanups
            redis.deleteGenerationsExcept(live);
            return generations.startBuilding(run, head).orElse(null);
        });
        if (generation == null) {
            throw new ReplayAlreadyRunningException();
        }
        runner.execute(() -> rebuild(run, generation));
        return generation;
    }

    /** Cancels the running replay, wherever it runs; the live generation is untouched. */
    public boolean cancel() {
        return Boolean.TRUE.equals(transactions.execute(status -> generations.cancelBuilding()));
    }

    private void rebuild(String run, int generation) {
        log.info("Replay {} into generation {} started", run, generation);
        boolean switched = false;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            TrackingToken last = null;
            Set<String> suspensionsChanged = new HashSet<>();
            while (true) {
                StandingChanges changes = new StandingChanges();
                List<TrackedEventMessage<?>> events = new ArrayList<>();
                while (events.size() < properties.replayBatchSize() && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    last = event.trackingToken();
                    events.add(event);
                }
                int read = events.size();
                // Read after the batch's events, like a live batch: the same events are late for the same periods.
                Fences fences = read > 0 ? periodFences.current() : Fences.NONE;
                for (TrackedEventMessage<?> event : events) {
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        StandingsOfEvents.addTo(changes, event.getPayload(), domainEvent.getSequenceNumber(),
                                position(event.trackingToken()), fences, window -> { });
                    }
                }
                suspensionsChanged.addAll(changes.suspensionsChanged());
                if (read > 0) {
                    if (!writeIfStillThisRun(run, generation, changes, position(last))) {
                        log.warn("Replay {} into generation {} was cancelled", run, generation);
                        return;
                    }
                    continue;
                }
                TrackingToken head = eventStore.createHeadToken();
                if (head == null || (last != null && last.covers(head))) {
                    break;
                }
                stream.hasNextAvailable(200, TimeUnit.MILLISECONDS);
            }
            switched = switchTo(run, generation, suspensionsChanged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Replay {} into generation {} failed; readers stay on the live generation", run, generation, e);
        } finally {
            if (!switched) {
                cancelQuietly(run);
            }
        }
    }

    private boolean writeIfStillThisRun(String run, int generation, StandingChanges changes, long position) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!run.equals(generations.current().buildingId())) {
                return false;
            }
            writer.write(changes, List.of(generation));
            generations.reportProgress(run, position);
            return true;
        }));
    }

    private boolean switchTo(String run, int generation, Set<String> suspensionsChanged) {
        int previous = generations.current().live();
        if (!Boolean.TRUE.equals(transactions.execute(status -> {
            if (!run.equals(generations.current().buildingId())) {
                return false;
            }
            writer.resync(generation, suspensionsChanged);
            return generations.switchTo(run);
        }))) {
            log.warn("Replay {} into generation {} was cancelled before the switch", run, generation);
            return false;
        }
        // Should this fail, the healer sees the pointer differ from PostgreSQL's live generation and corrects it.
        redis.setGenerationPointer(generation);
        log.info("Standings switched to generation {}; generation {} is deleted in {}", generation, previous,
                properties.oldGenerationGrace());
        cleaner.schedule(() -> deleteGeneration(previous), properties.oldGenerationGrace().toMillis(),
                TimeUnit.MILLISECONDS);
        return true;
    }

    private void deleteGeneration(int generation) {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL statement_timeout = 0"); // a whole generation: longer than the pool allows
                generations.deleteRows(generation);
            });
            redis.deleteGeneration(generation);
        } catch (RuntimeException e) {
            log.warn("Could not delete old generation {}; the next replay removes it", generation, e);
        }
    }

    private void cancelQuietly(String run) {
        try {
            transactions.executeWithoutResult(status -> generations.cancelBuilding(run));
        } catch (RuntimeException e) {
            log.warn("Could not cancel replay {}; DELETE /api/v1/admin/projections/standings/replay does", run, e);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** On shutdown the running replay stops and cancels its build, so a later request can start a new one. */
    @Override
    public void close() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
        cleaner.shutdownNow();
    }
}
