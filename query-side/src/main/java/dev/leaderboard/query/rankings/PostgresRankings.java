package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the PostgreSQL standings of the live generation through {@code visible_standing} (suspended players left
 * out): periods Redis no longer holds, custom ranges, exports, and everything while Redis is being restored. Same
 * order as Redis: score, then earliest reach, then user id descending.
 *
 * <p>A custom range is computed by PostgreSQL, one page at a time: the players' daily totals of the range summed
 * per player ({@code GROUP BY}, in the database's work memory, spilling to disk if it must), sorted, and only the
 * page's rows come back. Nothing here holds a whole board.
 *
 * <p>Competition and dense ranks of a page come with its rows in the same statement (one snapshot): the players, or
 * the distinct scores, above the page's first row are counted through the rank-order index.
 */
public class PostgresRankings {

    static final String LIVE = "(SELECT live_generation FROM projection_generation WHERE projection = 'standings')";
    private static final String SLICE = "generation = " + LIVE
            + " AND leaderboard_id = ? AND time_window = ? AND period = ?";
    static final String ORDER = "ORDER BY score DESC, reached_at, user_id DESC";
    private static final String RANGE_ROWS = "generation = " + LIVE
            + " AND leaderboard_id = ? AND time_window = 'daily' AND period BETWEEN ? AND ?";
    /** Each player's summed daily totals, reached when the last of them was. */
    private static final String RANGE_TOTALS = """
            SELECT user_id, sum(score) AS score, max(reached_at) AS reached_at FROM visible_standing
            WHERE %s GROUP BY user_id""".formatted(RANGE_ROWS);

    private final JdbcTemplate jdbc;

    /** @param jdbc on the read pool */
    public PostgresRankings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RankingPage page(Slice.OfPeriod slice, long offset, int limit, RankStyle style) {
        Object[] key = key(slice);
        long total = jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE " + SLICE, Long.class, key);
        if (total == 0) {
            return RankingPage.EMPTY;
        }
        return new RankingPage(total, rows(slice, offset, limit, style));
    }

    public Optional<PlayerPosition> position(Slice.OfPeriod slice, String userId, int context, RankStyle style) {
        Object[] key = key(slice);
        List<Map<String, Object>> own = jdbc.queryForList(
                "SELECT score, reached_at FROM visible_standing WHERE " + SLICE + " AND user_id = ?",
                key[0], key[1], key[2], userId);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        long score = ((Number) own.get(0).get("score")).longValue();
        Timestamp reached = (Timestamp) own.get(0).get("reached_at");
        long ahead = jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE " + SLICE
                        + " AND (score > ? OR (score = ? AND (reached_at < ? OR (reached_at = ? AND user_id > ?))))",
                Long.class, key[0], key[1], key[2], score, score, reached, reached, userId);
        long total = jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE " + SLICE, Long.class, key);
        long first = PlayerPosition.windowStart(ahead, context, total);
        return Optional.of(new PlayerPosition(ahead + 1, score, total,
                rows(slice, first, (int) PlayerPosition.windowSize(context, total), style)));
    }

    /** The given players' ranks: each one counts the players ahead of it, as {@link #position} does. */
    public SubsetRanks subset(Slice.OfPeriod slice, List<String> userIds) {
        Object[] key = key(slice);
        String sql = "SELECT w.user_id, w.score, 1 + (SELECT count(*) FROM visible_standing WHERE " + SLICE
                + " AND (score > w.score OR (score = w.score AND (reached_at < w.reached_at"
                + " OR (reached_at = w.reached_at AND user_id > w.user_id))))) AS rank"
                + " FROM visible_standing w WHERE " + SLICE + " AND w.user_id = ANY (?)";
        List<RankedEntry> found = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setObject(1, key[0]);
            statement.setObject(2, key[1]);
            statement.setObject(3, key[2]);
            statement.setObject(4, key[0]);
            statement.setObject(5, key[1]);
            statement.setObject(6, key[2]);
            statement.setArray(7, connection.createArrayOf("text", userIds.toArray()));
            return statement;
        }, (rs, row) -> new RankedEntry(rs.getLong("rank"), rs.getString("user_id"), rs.getLong("score")));
        Set<String> ranked = found.stream().map(RankedEntry::userId).collect(Collectors.toSet());
        long total = jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE " + SLICE, Long.class, key);
        return new SubsetRanks(total, found, userIds.stream().filter(id -> !ranked.contains(id)).toList());
    }

    /** One page of a custom range; the total comes with the rows (a window count over the same aggregation). */
    public RankingPage rangePage(Slice.OfRange range, long offset, int limit, RankStyle style) {
        RankingPage page = rangePage(range, offset, limit);
        if (style == RankStyle.ORDINAL || page.entries().isEmpty()) {
            return page;
        }
        long above = jdbc.queryForObject("SELECT " + countAbove(style) + " FROM (" + RANGE_TOTALS
                        + ") totals WHERE score > ?", Long.class, range.leaderboardId(), range.from().toString(),
                range.to().toString(), page.entries().get(0).score());
        return new RankingPage(page.totalPlayers(), StyledRanks.restyle(page.entries(), style, above));
    }

    private RankingPage rangePage(Slice.OfRange range, long offset, int limit) {
        long[] total = {-1};
        long[] rank = {offset};
        List<RankedEntry> entries = jdbc.query(
                "SELECT user_id, score, count(*) OVER () FROM (" + RANGE_TOTALS + ") totals " + ORDER
                        + " OFFSET ? LIMIT ?",
                (rs, row) -> {
                    total[0] = rs.getLong(3);
                    return new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2));
                },
                range.leaderboardId(), range.from().toString(), range.to().toString(), offset, limit);
        if (total[0] < 0) {
            // No row on this page: past the end, or an empty range.
            total[0] = offset == 0 ? 0 : jdbc.queryForObject(
                    "SELECT count(DISTINCT user_id) FROM visible_standing WHERE " + RANGE_ROWS, Long.class,
                    range.leaderboardId(), range.from().toString(), range.to().toString());
        }
        return total[0] == 0 ? RankingPage.EMPTY : new RankingPage(total[0], entries);
    }

    /** A player's rank in a custom range (players ahead counted in one aggregation), and the rows around it. */
    public Optional<PlayerPosition> rangePosition(Slice.OfRange range, String userId, int context, RankStyle style) {
        List<long[]> found = jdbc.query("""
                        WITH totals AS MATERIALIZED (%s),
                             own AS (SELECT score, reached_at FROM totals WHERE user_id = ?)
                        SELECT own.score,
                               (SELECT count(*) FROM totals t WHERE t.score > own.score OR (t.score = own.score
                                   AND (t.reached_at < own.reached_at
                                        OR (t.reached_at = own.reached_at AND t.user_id > ?)))),
                               (SELECT count(*) FROM totals)
                        FROM own""".formatted(RANGE_TOTALS),
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                range.leaderboardId(), range.from().toString(), range.to().toString(), userId, userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long score = found.get(0)[0];
        long ahead = found.get(0)[1];
        long total = found.get(0)[2];
        long first = PlayerPosition.windowStart(ahead, context, total);
        return Optional.of(new PlayerPosition(ahead + 1, score, total,
                rangePage(range, first, (int) PlayerPosition.windowSize(context, total), style).entries()));
    }

    /**
     * Every row in rank order through a cursor on the given connection (the caller's transaction and snapshot):
     * constant memory whatever the board's size.
     */
    public void streamAll(Connection snapshot, Slice slice, RowConsumer consumer) {
        JdbcTemplate on = new JdbcTemplate(new SingleConnectionDataSource(snapshot, true));
        long[] rank = {0};
        RowCallbackHandler handler = rs -> consumer.accept(new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2)));
        switch (slice) {
            case Slice.OfPeriod period -> on.query(connection -> {
                var statement = connection.prepareStatement(
                        "SELECT user_id, score FROM visible_standing WHERE " + SLICE + " " + ORDER);
                bind(statement, key(period));
                statement.setFetchSize(1000);
                return statement;
            }, handler);
            case Slice.OfRange range -> on.query(connection -> {
                var statement = connection.prepareStatement(RANGE_TOTALS + " " + ORDER);
                bind(statement, new Object[] {range.leaderboardId(), range.from().toString(), range.to().toString()});
                statement.setFetchSize(1000);
                return statement;
            }, handler);
        }
    }

    /**
     * The scores at the given 1-based ordinal ranks (absent past the end) and the slice's size, in one statement:
     * one walk down the rank order to the deepest rank asked.
     */
    public RankScores scoresAt(Slice slice, List<Long> ranks) {
        String rows = switch (slice) {
            case Slice.OfPeriod period -> "SELECT user_id, score, reached_at FROM visible_standing WHERE " + SLICE;
            case Slice.OfRange range -> RANGE_TOTALS;
        };
        Object[] key = switch (slice) {
            case Slice.OfPeriod period -> key(period);
            case Slice.OfRange range -> new Object[] {range.leaderboardId(), range.from().toString(),
                    range.to().toString()};
        };
        long deepest = ranks.stream().mapToLong(Long::longValue).max().orElse(0);
        Map<Long, Long> scores = new HashMap<>();
        long[] total = {0};
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT 0, count(*) FROM (" + rows + ") board UNION ALL SELECT n, score FROM (SELECT score,"
                            + " row_number() OVER (" + ORDER + ") AS n FROM (" + rows + ") board " + ORDER
                            + " LIMIT ?) ranked WHERE n = ANY (?)");
            bind(statement, key);
            for (int i = 0; i < key.length; i++) {
                statement.setObject(key.length + 1 + i, key[i]);
            }
            statement.setLong(2 * key.length + 1, deepest);
            statement.setArray(2 * key.length + 2, connection.createArrayOf("bigint", ranks.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> {
            if (rs.getLong(1) == 0) {
                total[0] = rs.getLong(2);
            } else {
                scores.put(rs.getLong(1), rs.getLong(2));
            }
        });
        return new RankScores(total[0], scores);
    }

    /**
     * A page's rows in {@code style}: for competition and dense, the count above its first row comes from the same
     * statement, so the numbers and the rows are of one snapshot.
     */
    private List<RankedEntry> rows(Slice.OfPeriod slice, long offset, int limit, RankStyle style) {
        long[] rank = {offset};
        long[] above = {0};
        Object[] key = key(slice);
        if (style == RankStyle.ORDINAL) {
            return jdbc.query("SELECT user_id, score FROM visible_standing WHERE " + SLICE + " " + ORDER
                            + " OFFSET ? LIMIT ?",
                    (rs, row) -> new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2)),
                    key[0], key[1], key[2], offset, limit);
        }
        List<RankedEntry> rows = jdbc.query("WITH page AS MATERIALIZED (SELECT user_id, score, reached_at"
                        + " FROM visible_standing WHERE " + SLICE + " " + ORDER + " OFFSET ? LIMIT ?)"
                        + " SELECT user_id, score, (SELECT " + countAbove(style) + " FROM visible_standing WHERE "
                        + SLICE + " AND score > (SELECT max(score) FROM page)) FROM page " + ORDER,
                (rs, row) -> {
                    above[0] = rs.getLong(3);
                    return new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2));
                },
                key[0], key[1], key[2], offset, limit, key[0], key[1], key[2]);
        return StyledRanks.restyle(rows, style, above[0]);
    }

    /** What a style counts above a row: the players with a higher score, or the distinct higher scores. */
    private static String countAbove(RankStyle style) {
        return style == RankStyle.DENSE ? "count(DISTINCT score)" : "count(*)";
    }

    private static Object[] key(Slice.OfPeriod slice) {
        return new Object[] {slice.leaderboardId(), slice.window(), slice.period().key()};
    }

    private static void bind(java.sql.PreparedStatement statement, Object[] values) throws java.sql.SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(RankedEntry entry) throws java.sql.SQLException;
    }
}
