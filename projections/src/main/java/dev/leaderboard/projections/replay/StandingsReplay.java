package dev.leaderboard.projections.replay;

import dev.leaderboard.projections.ProjectionProperties;
import dev.leaderboard.projections.generations.ProjectionGenerations;
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

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the standings from the first event of the event store into a new generation, while readers keep using
 * the live one. Live processing writes both generations during the rebuild, so once this reader has reached the
 * head of the store the new generation is complete, and the switch is one pointer update. The previous generation
 * is deleted after a grace period, so readers that resolved it just before the switch still finish.
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
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("standings-replay").daemon().factory());
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("standings-generation-cleanup").daemon().factory());
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    public StandingsReplay(EventStore eventStore, StandingsWriter writer, ProjectionGenerations generations,
                           RedisStandings redis, JdbcTemplate jdbc, TransactionTemplate transactions,
                           ProjectionProperties properties) {
        this.eventStore = eventStore;
        this.writer = writer;
        this.generations = generations;
        this.redis = redis;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Progress of the replay running on this instance (positions of the event store). */
    public record Progress(int generation, AtomicLong position, long headAtStart) {
        public double fraction() {
            return headAtStart <= 0 ? 1.0 : Math.min(1.0, (double) position.get() / headAtStart);
        }
    }

    /** Claims a new generation and starts rebuilding it in the background. */
    public int start() {
        Integer generation = transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, START_LOCK);
            if (generations.current().isBuilding()) {
                return null;
            }
            int next = generations.current().live() + 1;
            generations.deleteRows(next); // leftovers of a cancelled replay
            redis.deleteGeneration(next);
            return generations.startBuilding().orElse(null);
        });
        if (generation == null) {
            throw new ReplayAlreadyRunningException();
        }
        long head = position(eventStore.createHeadToken());
        Progress started = new Progress(generation, new AtomicLong(), head);
        progress.set(started);
        runner.execute(() -> rebuild(started));
        return generation;
    }

    public Progress progress() {
        return progress.get();
    }

    private void rebuild(Progress state) {
        int generation = state.generation();
        log.info("Replay into generation {} started ({} events at start)", generation, state.headAtStart());
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            TrackingToken last = null;
            while (true) {
                StandingChanges changes = new StandingChanges();
                int read = 0;
                while (read < properties.replayBatchSize() && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    last = event.trackingToken();
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        changes.add(StandingsOfEvents.of(event.getPayload(), domainEvent.getSequenceNumber()));
                    }
                    read++;
                }
                if (read > 0) {
                    if (!writeIfStillBuilding(generation, changes)) {
                        log.warn("Replay into generation {} was cancelled", generation);
                        return;
                    }
                    state.position().set(position(last));
                    continue;
                }
                TrackingToken head = eventStore.createHeadToken();
                if (head == null || (last != null && last.covers(head))) {
                    break;
                }
                stream.hasNextAvailable(200, TimeUnit.MILLISECONDS);
            }
            switchTo(generation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Replay into generation {} failed; the live generation is untouched", generation, e);
            transactions.executeWithoutResult(status -> generations.cancelBuilding());
        }
    }

    private boolean writeIfStillBuilding(int generation, StandingChanges changes) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!Objects.equals(generations.current().building(), generation)) {
                return false;
            }
            writer.write(changes, List.of(generation));
            return true;
        }));
    }

    private void switchTo(int generation) {
        int previous = generations.current().live();
        if (!Boolean.TRUE.equals(transactions.execute(status -> generations.switchTo(generation)))) {
            log.warn("Replay into generation {} was cancelled before the switch", generation);
            return;
        }
        redis.setGenerationPointer(generation);
        log.info("Standings switched to generation {}; generation {} is deleted in {}", generation, previous,
                properties.oldGenerationGrace());
        cleaner.schedule(() -> deleteGeneration(previous), properties.oldGenerationGrace().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void deleteGeneration(int generation) {
        try {
            transactions.executeWithoutResult(status -> generations.deleteRows(generation));
            redis.deleteGeneration(generation);
        } catch (RuntimeException e) {
            log.warn("Could not delete old generation {}; the next replay removes it", generation, e);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    @Override
    public void close() {
        runner.shutdownNow();
        cleaner.shutdownNow();
    }
}
