package dev.leaderboard.projections.periods;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.boards.Segments;
import dev.leaderboard.boards.TierRange;
import dev.leaderboard.boards.Tiers;
import dev.leaderboard.events.ClosedTier;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.windows.TimeWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The frozen final standings of closed periods ({@code period_result}, {@code period_result_entry}): written from the
 * live generation's visible standings, in the caller's transaction, in one INSERT ... SELECT, then read back through a
 * cursor for the digest and the tier cutoffs, so a board of any size is never held in memory.
 */
public class PeriodResults {

    static final String KEY = "leaderboard_id = ? AND time_window = ? AND period = ?";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final ObjectMapper json;

    public PeriodResults(JdbcTemplate jdbc, ProjectionGenerations generations, ObjectMapper json) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.json = json;
    }

    /** What a close froze. */
    public record Frozen(Instant closedAt, long totalPlayers, List<ClosedTier> tiers, String digest) {
    }

    public boolean isClosed(String leaderboardId, TimeWindow window, String period) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM period_result WHERE " + KEY + ")",
                Boolean.class, leaderboardId, window.id(), period));
    }

    /** True when the live generation holds a standing of the board in the period. */
    public boolean hasStandings(String leaderboardId, TimeWindow window, String period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM standing WHERE generation = ? AND " + KEY + ")", Boolean.class,
                generations.current().live(), leaderboardId, window.id(), period));
    }

    /**
     * The segment boards ({@code <board>@<segment>}) of a board that the live generation holds standings of, in any
     * window: one index probe per segment (a loose scan of the primary key), not a scan of their rows.
     */
    public List<String> segmentBoardsOf(String boardId) {
        int generation = generations.current().live();
        String after = Segments.segmentKeyPrefix(boardId);
        String before = after + "~"; // '~' sorts after every character a segment may hold
        return jdbc.queryForList("""
                        WITH RECURSIVE segment_board(id) AS (
                            SELECT min(leaderboard_id) FROM standing
                            WHERE generation = ? AND leaderboard_id > ? AND leaderboard_id < ?
                          UNION ALL
                            SELECT (SELECT min(leaderboard_id) FROM standing
                                    WHERE generation = ? AND leaderboard_id > s.id AND leaderboard_id < ?)
                            FROM segment_board s WHERE s.id IS NOT NULL)
                        SELECT id FROM segment_board WHERE id IS NOT NULL""", String.class,
                generation, after, before, generation, before);
    }

    /** Freezes the board's standings of the period; fails (and the caller's transaction rolls back) if closed. */
    public Frozen freeze(ClosePeriod command, Instant closedAt) {
        Object[] key = {command.leaderboardId(), command.window().id(), command.period().key()};
        int generation = generations.current().live();
        jdbc.execute("SET LOCAL statement_timeout = 0"); // a board of millions of rows takes longer than reads may
        Long counted = jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE generation = ? AND " + KEY,
                Long.class, generation, key[0], key[1], key[2]);
        long total = counted == null ? 0 : counted;
        List<TierRange> ranges = Tiers.ranges(command.tiers(), total);

        List<Object> args = new ArrayList<>(List.of(key));
        StringBuilder tier = new StringBuilder("CASE");
        for (TierRange range : ranges) {
            if (!range.isEmpty()) {
                tier.append(" WHEN r.rank BETWEEN ? AND ? THEN ?");
                args.addAll(List.of(range.fromRank(), range.toRank(), range.name()));
            }
        }
        String tierOfRank = args.size() == key.length ? "NULL" : tier.append(" END").toString();
        args.addAll(List.of(generation, key[0], key[1], key[2]));
        int inserted = jdbc.update("""
                INSERT INTO period_result_entry (leaderboard_id, time_window, period, rank, competition_rank,
                                                 dense_rank, user_id, score, reached_at, tier)
                SELECT ?, ?, ?, r.rank, r.competition_rank, r.dense_rank, r.user_id, r.score, r.reached_at, %s
                FROM (SELECT user_id, score, reached_at,
                             row_number() OVER (ORDER BY score DESC, reached_at, user_id DESC) AS rank,
                             rank() OVER (ORDER BY score DESC) AS competition_rank,
                             dense_rank() OVER (ORDER BY score DESC) AS dense_rank
                      FROM visible_standing WHERE generation = ? AND %s) r""".formatted(tierOfRank, KEY),
                args.toArray());
        if (inserted != total) {
            // a suspension between the count and the insert: the transaction rolls back, the next poll tries again
            throw new IllegalStateException("the standings of " + command.aggregateId() + " changed while closing");
        }

        MessageDigest sha256 = sha256();
        Map<Long, Long> scoreAtRank = new HashMap<>();
        ranges.forEach(r -> scoreAtRank.put(r.toRank(), null));
        streamRows(jdbc, command.leaderboardId(), command.window().id(), command.period().key(), 10_000, rs -> {
            long rank = rs.getLong(1);
            long score = rs.getLong(3);
            sha256.update(digestLine(rank, rs.getString(2), score).getBytes(StandardCharsets.UTF_8));
            if (scoreAtRank.containsKey(rank)) {
                scoreAtRank.put(rank, score);
            }
        });
        String digest = HexFormat.of().formatHex(sha256.digest());
        List<ClosedTier> tiers = ranges.stream().map(r -> new ClosedTier(r.name(), r.fromRank(), r.toRank(),
                r.players(), r.isEmpty() ? null : scoreAtRank.get(r.toRank()))).toList();

        jdbc.update("""
                INSERT INTO period_result (leaderboard_id, time_window, period, closed_at, fence, total_players,
                                           digest, tiers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", key[0], key[1], key[2], Timestamp.from(closedAt),
                command.fence(), total, digest, toJson(tiers));
        return new Frozen(closedAt, total, tiers, digest);
    }

    /**
     * Every frozen row of a period in rank order ({@code rank, user_id, score}), through a cursor of
     * {@code fetchSize} rows: call it inside a transaction, or PostgreSQL's driver reads all rows at once.
     */
    public static void streamRows(JdbcTemplate jdbc, String leaderboardId, String window, String period,
                                  int fetchSize, RowCallbackHandler rows) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT rank, user_id, score FROM period_result_entry WHERE " + KEY + " ORDER BY rank");
            statement.setString(1, leaderboardId);
            statement.setString(2, window);
            statement.setString(3, period);
            statement.setFetchSize(fetchSize);
            return statement;
        }, rows);
    }

    /** One line of the digest's input: {@code rank,userId,score\n}. */
    public static String digestLine(long rank, String userId, long score) {
        return rank + "," + userId + "," + score + "\n";
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private String toJson(List<ClosedTier> tiers) {
        try {
            return json.writeValueAsString(tiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
