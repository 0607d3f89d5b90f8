package dev.leaderboard.projections.standings;

import dev.leaderboard.projections.generations.Generations;
import dev.leaderboard.projections.generations.ProjectionGenerations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch's standings to every generation being written: PostgreSQL first, then Redis, both before the
 * caller's transaction (which also stores the processor's token) commits. PostgreSQL first matters: the row locks
 * taken by the upsert make a concurrent restore wait for this batch, so a batch whose Redis writes were lost to a
 * data loss is always either in the restore's read or rolled back.
 * <p>
 * A batch without suspension events costs what it always did: the check for suspended players is inside the Redis
 * script (free while nobody is suspended). Suspensions and reinstatements add a few statements to their batch only.
 */
public class StandingsWriter {

    private final PostgresStandings postgres;
    private final SuspendedPlayers suspendedPlayers;
    private final RedisStandings redis;
    private final RetentionPolicy retention;
    private final ProjectionGenerations generations;
    private final AppliedEvents appliedEvents;
    private final Clock clock;
    private final RedisWriteTracing tracing;

    public StandingsWriter(PostgresStandings postgres, SuspendedPlayers suspendedPlayers, RedisStandings redis,
                           RetentionPolicy retention, ProjectionGenerations generations, AppliedEvents appliedEvents,
                           Clock clock, RedisWriteTracing tracing) {
        this.postgres = postgres;
        this.suspendedPlayers = suspendedPlayers;
        this.redis = redis;
        this.retention = retention;
        this.generations = generations;
        this.appliedEvents = appliedEvents;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * What a batch wrote: the generations, and the standings whose boards changed in the live one (including the
     * boards a suspended or reinstated player left or returned to), for live top updates.
     */
    public record Written(Generations generations, List<Standing> liveBoards) {
    }

    /** Live processing: writes the live generation, and the one being built by a replay if there is one. */
    public Written write(StandingChanges changes) {
        Generations current = generations.current();
        return new Written(current, write(changes, current.writeTargets()));
    }

    /** @return the standings whose boards changed in the first target */
    public List<Standing> write(StandingChanges changes, List<Integer> targets) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Standing> latest = changes.latest();
        postgres.waitForLocksWithoutTimeout();
        for (int generation : targets) {
            postgres.upsert(generation, latest);
        }
        List<Standing> touched;
        if (changes.hasSuspensions()) {
            touched = writeWithSuspensions(changes, latest, targets);
        } else {
            touched = tracing.write(changes.traceOrigins(), changes.events(), () -> {
                for (int generation : targets) {
                    redis.apply(generation, latest);
                }
                return latest;
            });
        }
        appliedEvents.add(changes.events());
        return touched;
    }

    private List<Standing> writeWithSuspensions(StandingChanges changes, List<Standing> latest,
                                                List<Integer> targets) {
        Map<String, Instant> suspended = changes.suspended();
        List<String> reinstated = changes.reinstated();
        Instant now = clock.instant();
        Map<Integer, List<Standing>> rowsByGeneration = new LinkedHashMap<>();
        for (int generation : targets) {
            suspendedPlayers.suspend(generation, suspended);
            suspendedPlayers.reinstate(generation, reinstated);
            rowsByGeneration.put(generation,
                    suspendedPlayers.standingsOf(generation, changes.suspensionsChanged(), now));
        }
        return tracing.write(changes.traceOrigins(), changes.events(), () -> {
            List<Standing> touched = null;
            for (int generation : targets) {
                List<Standing> rows = rowsByGeneration.get(generation);
                List<Standing> remove = rows.stream().filter(s -> suspended.containsKey(s.userId())).toList();
                List<Standing> written = new ArrayList<>(latest);
                written.addAll(kept(rows.stream().filter(s -> !suspended.containsKey(s.userId())).toList(), now));
                redis.applySuspensions(generation, suspended.keySet(), reinstated, remove);
                redis.apply(generation, written);
                if (touched == null) {
                    written.addAll(remove);
                    touched = written;
                }
            }
            return touched;
        });
    }

    /**
     * A replay's last step before its switch: takes the players whose suspension it changed off, or back onto, their
     * boards again from their committed rows. Live batches write the new generation concurrently with the replay,
     * and a live batch that committed a new board of a player while the replay suspended them is only visible now.
     * Safe against live batches running meanwhile: the scripts remove only players still suspended in Redis and
     * write none of a suspended player's standings.
     */
    public void resync(int generation, Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        List<Standing> rows = suspendedPlayers.standingsOf(generation, users, clock.instant());
        redis.applySuspensions(generation, Set.of(), Set.of(), rows);
        redis.apply(generation, kept(rows, clock.instant()));
    }

    /** Standings of periods whose Redis keys have not expired: what a restore copies, too. */
    private List<Standing> kept(List<Standing> standings, Instant now) {
        return standings.stream().filter(s -> !retention.isExpired(s.window(), s.period(), now)).toList();
    }
}
