package dev.leaderboard.query.rankings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the PostgreSQL standings table (live generation): periods Redis no longer holds, custom ranges, exports,
 * and everything while Redis is being restored. Same order as Redis: score, then earliest reach, then user id
 * descending.
 */
public class PostgresRankings {

    static final String LIVE = "(SELECT live_generation FROM projection_generation WHERE projection = 'standings')";
    private static final String SLICE = "generation = " + LIVE
            + " AND leaderboard_id = ? AND time_window = ? AND period = ?";
    static final String ORDER = "ORDER BY score DESC, reached_at, user_id DESC";
    private static final String RANGE_TOTALS = """
            SELECT user_id, sum(score) AS score, max(reached_at) AS reached_at FROM standing
            WHERE generation = %s AND leaderboard_id = ? AND time_window = 'daily' AND period BETWEEN ? AND ?
            GROUP BY user_id""".formatted(LIVE);

    private final JdbcTemplate jdbc;

    public PostgresRankings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RankingPage page(Slice.OfPeriod slice, long offset, int limit) {
        Object[] key = key(slice);
        long total = jdbc.queryForObject("SELECT count(*) FROM standing WHERE " + SLICE, Long.class, key);
        if (total == 0) {
            return RankingPage.EMPTY;
        }
        return new RankingPage(total, rows(slice, offset, limit));
    }

    public Optional<PlayerPosition> position(Slice.OfPeriod slice, String userId, int context) {
        Object[] key = key(slice);
        List<Map<String, Object>> own = jdbc.queryForList(
                "SELECT score, reached_at FROM standing WHERE " + SLICE + " AND user_id = ?",
                key[0], key[1], key[2], userId);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        long score = ((Number) own.get(0).get("score")).longValue();
        Timestamp reached = (Timestamp) own.get(0).get("reached_at");
        long ahead = jdbc.queryForObject("SELECT count(*) FROM standing WHERE " + SLICE
                        + " AND (score > ? OR (score = ? AND (reached_at < ? OR (reached_at = ? AND user_id > ?))))",
                Long.class, key[0], key[1], key[2], score, score, reached, reached, userId);
        long total = jdbc.queryForObject("SELECT count(*) FROM standing WHERE " + SLICE, Long.class, key);
        long first = PlayerPosition.windowStart(ahead, context, total);
        return Optional.of(new PlayerPosition(ahead + 1, score, total,
                rows(slice, first, (int) PlayerPosition.windowSize(context, total))));
    }

    /** Every row in rank order, through a cursor: constant memory whatever the board's size. */
    public void streamAll(Slice slice, RowConsumer consumer) {
        long[] rank = {0};
        RowCallbackHandler handler = rs -> consumer.accept(new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2)));
        switch (slice) {
            case Slice.OfPeriod period -> jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "SELECT user_id, score FROM standing WHERE " + SLICE + " " + ORDER);
                bind(statement, key(period));
                statement.setFetchSize(1000);
                return statement;
            }, handler);
            case Slice.OfRange range -> jdbc.query(connection -> {
                var statement = connection.prepareStatement(RANGE_TOTALS + " " + ORDER);
                bind(statement, new Object[] {range.leaderboardId(), range.from().toString(), range.to().toString()});
                statement.setFetchSize(1000);
                return statement;
            }, handler);
        }
    }

    /** A custom range ranked whole: each player's summed daily totals, reached when the last of them was. */
    public List<RankedEntry> rangeRanking(Slice.OfRange range) {
        long[] rank = {0};
        return jdbc.query(RANGE_TOTALS + " " + ORDER,
                (rs, row) -> new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2)),
                range.leaderboardId(), range.from().toString(), range.to().toString());
    }

    private List<RankedEntry> rows(Slice.OfPeriod slice, long offset, int limit) {
        long[] rank = {offset};
        Object[] key = key(slice);
        return jdbc.query("SELECT user_id, score FROM standing WHERE " + SLICE + " " + ORDER + " OFFSET ? LIMIT ?",
                (rs, row) -> new RankedEntry(++rank[0], rs.getString(1), rs.getLong(2)),
                key[0], key[1], key[2], offset, limit);
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
