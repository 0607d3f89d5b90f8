package dev.leaderboard.query.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.events.ClosedTier;
import dev.leaderboard.projections.periods.PeriodResults;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the frozen results of closed periods ({@code period_result}, {@code period_result_entry}) on the read pool. */
public class PeriodResultReads {

    private static final String KEY = "leaderboard_id = ? AND time_window = ? AND period = ?";
    private static final TypeReference<List<ClosedTier>> TIERS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PeriodResultReads(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A closed period's header. */
    public record Header(Instant closedAt, String digest, long totalPlayers, List<ClosedTier> tiers) {
    }

    public Optional<Header> header(Slice.OfPeriod slice) {
        return jdbc.query("SELECT closed_at, digest, total_players, tiers FROM period_result WHERE " + KEY,
                (rs, row) -> new Header(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
                        tiers(rs.getString(4))), key(slice)).stream().findFirst();
    }

    /** Rows after {@code offset} in rank order, numbered in the given style (a column each). */
    public List<ResultEntry> page(Slice.OfPeriod slice, RankStyle style, long offset, int limit) {
        String rank = switch (style) {
            case ORDINAL -> "rank";
            case COMPETITION -> "competition_rank";
            case DENSE -> "dense_rank";
        };
        Object[] key = key(slice);
        return jdbc.query("SELECT " + rank + ", user_id, score, reached_at, tier FROM period_result_entry WHERE "
                        + KEY + " AND rank > ? ORDER BY rank LIMIT ?",
                (rs, row) -> new ResultEntry(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)),
                key[0], key[1], key[2], offset, limit);
    }

    /** Every row in rank order through a cursor on the export's connection. */
    public void streamAll(Connection snapshot, Slice.OfPeriod slice, PostgresRankings.RowConsumer consumer) {
        PeriodResults.streamRows(new JdbcTemplate(new SingleConnectionDataSource(snapshot, true)),
                slice.leaderboardId(), slice.window(), slice.period().key(), 1000,
                rs -> consumer.accept(new RankedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3))));
    }

    private static Object[] key(Slice.OfPeriod slice) {
        return new Object[] {slice.leaderboardId(), slice.window(), slice.period().key()};
    }

    private List<ClosedTier> tiers(String stored) {
        try {
            return json.readValue(stored, TIERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tiers in period_result: " + stored, e);
        }
    }
}
