package dev.leaderboard.projections.standings;

import dev.leaderboard.projections.generations.Generations;
import dev.leaderboard.projections.generations.ProjectionGenerations;

import java.util.List;

/**
 * Writes a batch's standings to every generation being written: PostgreSQL first, then Redis, both before the
 * caller's transaction (which also stores the processor's token) commits. PostgreSQL first matters: the row locks
 * taken by the upsert make a concurrent restore wait for this batch, so a batch whose Redis writes were lost to a
 * data loss is always either in the restore's read or rolled back.
 */
public class StandingsWriter {

    private final PostgresStandings postgres;
    private final RedisStandings redis;
    private final ProjectionGenerations generations;
    private final AppliedEvents appliedEvents;

    public StandingsWriter(PostgresStandings postgres, RedisStandings redis, ProjectionGenerations generations,
                           AppliedEvents appliedEvents) {
        this.postgres = postgres;
        this.redis = redis;
        this.generations = generations;
        this.appliedEvents = appliedEvents;
    }

    /**
     * Live processing: writes the live generation, and the one being built by a replay if there is one.
     *
     * @return the generations written
     */
    public Generations write(StandingChanges changes) {
        Generations current = generations.current();
        write(changes, current.writeTargets());
        return current;
    }

    public void write(StandingChanges changes, List<Integer> targets) {
        if (changes.isEmpty()) {
            return;
        }
        List<Standing> latest = changes.latest();
        for (int generation : targets) {
            postgres.upsert(generation, latest);
        }
        for (int generation : targets) {
            redis.apply(generation, latest);
        }
        appliedEvents.add(changes.events());
    }
}
