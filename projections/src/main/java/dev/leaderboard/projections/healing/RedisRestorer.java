package dev.leaderboard.projections.healing;

import dev.leaderboard.projections.generations.Generations;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.projections.standings.RetentionPolicy;
import dev.leaderboard.projections.standings.Standing;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds Redis's live generation from the PostgreSQL standings table. It holds a SHARE lock on the table (and on
 * {@code suspended_player}) while it copies: processor batches that already wrote rows (and perhaps Redis keys that
 * were then lost) finish first and are included; later batches wait and write Redis after the restore. Commands are
 * never blocked. Suspended players' standings stay out of Redis: their set is restored first, then the standings
 * of everyone else.
 */
public class RedisRestorer {

    private static final Logger log = LoggerFactory.getLogger(RedisRestorer.class);
    private static final long RESTORE_LOCK = 0x5354414E44494E47L; // "STANDING"
    private static final int CHUNK = 2000;
    private static final java.time.Duration MARKER_TTL = java.time.Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionGenerations generations;
    private final RedisStandings redis;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final AtomicBoolean restoring = new AtomicBoolean();
    private final AtomicLong rowsTotal = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();
    private final AtomicLong rebuildsAfterLoss = new AtomicLong();

    public RedisRestorer(JdbcTemplate jdbc, TransactionTemplate transactions, ProjectionGenerations generations,
                         RedisStandings redis, RetentionPolicy retention, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.generations = generations;
        this.redis = redis;
        this.retention = retention;
        this.clock = clock;
    }

    public record Result(boolean performed, long rows, int generation) {
    }

    /**
     * Restores now; returns without doing anything if a restore is already running (here or elsewhere).
     *
     * @param redisLost Redis lost its data: a replay's half-built generation is gone too and is cancelled
     */
    public Result restore(boolean redisLost) {
        return transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    RESTORE_LOCK))) {
                return new Result(false, 0, -1);
            }
            restoring.set(true);
            try {
                // The pool's statement_timeout is per statement; a whole generation's count or a long cancel may
                // exceed it, and this transaction is bounded by its advisory lock and the marker's TTL instead.
                jdbc.execute("SET LOCAL statement_timeout = 0");
                // Same order as the processor's batches take them (standing, then suspended_player): no deadlock.
                jdbc.execute("LOCK TABLE standing IN SHARE MODE");
                jdbc.execute("LOCK TABLE suspended_player IN SHARE MODE");
                Generations current = generations.current();
                if (redisLost && current.isBuilding()) {
                    log.warn("Cancelling the replay into generation {}: its Redis data is gone too",
                            current.building());
                    generations.cancelBuilding();
                }
                // Readers on every instance answer from PostgreSQL while the marker exists (and fail readiness).
                redis.markRestoring(MARKER_TTL);
                redis.setGenerationPointer(current.live());
                long rows;
                try {
                    rows = copy(current.live());
                } catch (RuntimeException e) {
                    // Without the pointer the healer tries again; with it, a half-copied Redis would look whole.
                    redis.deleteGenerationPointer();
                    throw e;
                } finally {
                    redis.clearRestoring();
                }
                log.info("Restored {} standings of generation {} into Redis", rows, current.live());
                if (redisLost) {
                    rebuildsAfterLoss.incrementAndGet();
                }
                return new Result(true, rows, current.live());
            } finally {
                restoring.set(false);
            }
        });
    }

    private long copy(int generation) {
        rowsDone.set(0);
        redis.addSuspended(generation, jdbc.queryForList(
                "SELECT user_id FROM suspended_player WHERE generation = ?", String.class, generation));
        rowsTotal.set(jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE generation = ?", Long.class,
                generation));
        Instant now = clock.instant();
        List<Standing> chunk = new ArrayList<>(CHUNK);
        long[] copied = {0};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT leaderboard_id, time_window, period, user_id, score, reached_at, version
                    FROM visible_standing WHERE generation = ?""");
            statement.setInt(1, generation);
            statement.setFetchSize(5000);
            return statement;
        }, rs -> {
            TimeWindow window = TimeWindow.fromId(rs.getString(2)).orElseThrow();
            String period = rs.getString(3);
            rowsDone.incrementAndGet();
            if (retention.isExpired(window, period, now)) {
                return;
            }
            chunk.add(new Standing(rs.getString(1), window, period, rs.getString(4), rs.getLong(5),
                    rs.getTimestamp(6).toInstant(), rs.getLong(7)));
            if (chunk.size() == CHUNK) {
                redis.apply(generation, chunk);
                copied[0] += chunk.size();
                chunk.clear();
            }
        });
        redis.apply(generation, chunk);
        return copied[0] + chunk.size();
    }

    /** A restore runs here, or on another instance (the marker in Redis). */
    public boolean isRestoring() {
        if (restoring.get()) {
            return true;
        }
        try {
            return redis.isRestoring();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** 0..1 while restoring, 1 otherwise. */
    /** Restores this instance ran because Redis had lost its data (not operator-requested ones). */
    public long rebuildsAfterLoss() {
        return rebuildsAfterLoss.get();
    }

    public double progress() {
        long total = rowsTotal.get();
        return !restoring.get() || total == 0 ? 1.0 : Math.min(1.0, (double) rowsDone.get() / total);
    }
}
