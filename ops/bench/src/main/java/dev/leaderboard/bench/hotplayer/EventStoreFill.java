package dev.leaderboard.bench.hotplayer;

import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives a player a long history fast: copies the player's latest stored ScoreIncreased event {@code copies} times
 * with the next sequence numbers, in one transaction. Each copy is a valid event for Axon and for the aggregate:
 * it has its own event id and action id, and its totals (all-time and the period totals) grow by the event's points
 * per copy, exactly as if the actions had been submitted one by one within the same periods. The idempotency ledger
 * gets the matching {@code processed_action} rows, so the store stays consistent with "one row per accepted action".
 */
final class EventStoreFill {

    private static final String LATEST_EVENT = """
            WITH latest AS (
                SELECT convert_from(payload, 'UTF8')::jsonb AS event, aggregate_identifier, sequence_number, type,
                       meta_data, payload_revision, payload_type, time_stamp
                FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = ?
                ORDER BY sequence_number DESC LIMIT 1)
            """;

    private static final String COPY_LEDGER = LATEST_EVENT + """
            INSERT INTO processed_action (user_id, action_id, leaderboard_id, action_type, points, accepted_at)
            SELECT l.aggregate_identifier, ?::text || n::text, l.event ->> 'leaderboardId', l.event ->> 'actionType',
                   (l.event ->> 'points')::bigint, now()
            FROM latest l, generate_series(1, ?) AS n
            """;

    private static final String COPY_EVENTS = LATEST_EVENT + """
            , copies AS (
                SELECT n, (l.event ->> 'points')::bigint * n AS added FROM latest l, generate_series(1, ?) AS n)
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                            payload, payload_revision, payload_type, time_stamp)
            SELECT l.aggregate_identifier, l.sequence_number + c.n, l.type, gen_random_uuid()::text, l.meta_data,
                   convert_to(
                     jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(l.event,
                       '{actionId}', to_jsonb(?::text || c.n::text)),
                       '{totals,allTime}', to_jsonb((l.event #>> '{totals,allTime}')::bigint + c.added)),
                       '{totals,daily,total}', to_jsonb((l.event #>> '{totals,daily,total}')::bigint + c.added)),
                       '{totals,weekly,total}', to_jsonb((l.event #>> '{totals,weekly,total}')::bigint + c.added)),
                       '{totals,monthly,total}', to_jsonb((l.event #>> '{totals,monthly,total}')::bigint + c.added)
                     )::text, 'UTF8'),
                   l.payload_revision, l.payload_type, l.time_stamp
            FROM latest l, copies c
            ORDER BY c.n
            """;

    private EventStoreFill() {
    }

    /** @return the number of events the player has afterwards */
    static long copyLatestEvent(Database database, String userId, int copies, String actionIdPrefix)
            throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            // The ledger first: it reads the latest event before the copies become the latest.
            try (PreparedStatement ledger = connection.prepareStatement(COPY_LEDGER);
                 PreparedStatement events = connection.prepareStatement(COPY_EVENTS)) {
                ledger.setString(1, userId);
                ledger.setString(2, EventTemplate.SCORE_INCREASED);
                ledger.setString(3, actionIdPrefix);
                ledger.setInt(4, copies);
                int ledgerRows = ledger.executeUpdate();
                events.setString(1, userId);
                events.setString(2, EventTemplate.SCORE_INCREASED);
                events.setInt(3, copies);
                events.setString(4, actionIdPrefix);
                int eventRows = events.executeUpdate();
                if (ledgerRows != copies || eventRows != copies) {
                    throw new IllegalStateException("expected " + copies + " copies of " + userId
                            + "'s latest event, wrote " + eventRows + " events and " + ledgerRows + " ledger rows");
                }
            }
            connection.commit();
            return eventCount(connection, userId);
        }
    }

    static long eventCount(Connection connection, String userId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, userId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static boolean hasSnapshot(Database database, String userId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, userId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }
}
