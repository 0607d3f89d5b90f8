package dev.leaderboard.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The stored columns of one real {@code ScoreIncreased} row, so baseline rows are the same size as the events the
 * server wrote.
 */
public record EventTemplate(String type, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
                            String timeStamp) {

    public static final String SCORE_INCREASED = "dev.leaderboard.events.ScoreIncreased";

    /** The most recently stored ScoreIncreased event. */
    public static EventTemplate latestScoreIncreased(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT type, meta_data, payload, payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index DESC LIMIT 1""")) {
            query.setString(1, SCORE_INCREASED);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no " + SCORE_INCREASED + " event is stored yet");
                }
                return new EventTemplate(row.getString(1), row.getBytes(2), row.getBytes(3), row.getString(4),
                        row.getString(5), row.getString(6));
            }
        }
    }

    public int storedBytes() {
        return payload.length + (metaData == null ? 0 : metaData.length);
    }
}
