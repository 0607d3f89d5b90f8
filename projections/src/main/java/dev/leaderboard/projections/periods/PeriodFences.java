package dev.leaderboard.projections.periods;

import dev.leaderboard.windows.TimeWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records and reads the fences of closed periods ({@code period_fence}). Recording takes an exclusive advisory lock,
 * reading a shared one, so a fence's position is read only after every reader that might have missed it is done:
 * <ul>
 *   <li>a fence is the highest position committed when it is recorded, under the exclusive lock;</li>
 *   <li>a reader takes {@link #current()} after it has read its events (they are committed), under the shared lock.</li>
 * </ul>
 * So a fence a reader does not see was recorded after that reader's events were committed, and its position is at
 * least theirs: none of them is late for it. Live batches and replays decide the same way for every event.
 */
public class PeriodFences {

    private static final long LOCK = 0x50455249_4F44L; // "PERIOD"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PeriodFences(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The fence of a window's period: recorded now at the highest stored position if it has none yet. */
    public long fence(TimeWindow window, String period, Instant now) {
        Long position = transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
            jdbc.update("""
                    INSERT INTO period_fence (time_window, period, position, snapshot, fenced_at)
                    SELECT ?, ?, COALESCE(max(global_index), 0), pg_current_snapshot()::text, ?
                    FROM domain_event_entry
                    ON CONFLICT (time_window, period) DO NOTHING""", window.id(), period, Timestamp.from(now));
            return jdbc.queryForObject("SELECT position FROM period_fence WHERE time_window = ? AND period = ?",
                    Long.class, window.id(), period);
        });
        return position == null ? 0 : position;
    }

    /**
     * True once nothing can still be stored at or below the fence: every transaction that was running when the fence
     * was recorded has ended (one that drew a {@code global_index} at or below the fence had started by then), so a
     * position at or below it that holds no event now never will.
     */
    public boolean settled(TimeWindow window, String period) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT pg_snapshot_xmin(pg_current_snapshot()) >= pg_snapshot_xmax(snapshot::pg_snapshot)
                FROM period_fence WHERE time_window = ? AND period = ?""", Boolean.class, window.id(), period));
    }

    /** Those of the given positions that hold an event. */
    public List<Long> stored(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index = ANY(?)",
                Long.class, (Object) positions.toArray(Long[]::new));
    }

    /**
     * Every fence, under the shared lock: in the caller's transaction when there is one (it holds the lock until it
     * ends), else in a transaction of its own. Call it after the events it decides about were read.
     */
    public Fences current() {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock_shared(?)", Object.class, LOCK);
            Map<String, Long> positions = new HashMap<>();
            jdbc.query("SELECT time_window, period, position FROM period_fence",
                    rs -> {
                        positions.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
                    });
            return new Fences(positions);
        });
    }
}
