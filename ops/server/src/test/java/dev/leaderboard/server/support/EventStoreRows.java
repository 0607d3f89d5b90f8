package dev.leaderboard.server.support;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Reads the event store's tables directly: what is really stored, not what the API says. */
public final class EventStoreRows {

    private final JdbcTemplate jdbc;

    public EventStoreRows(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    /** The Axon event ids of the aggregate's events, in the order of their sequence numbers. */
    public java.util.List<String> eventIdsOf(String aggregateId) {
        return jdbc.queryForList("""
                SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, aggregateId);
    }

    public int ledgerRowsOf(String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_action WHERE user_id = ?", Integer.class, userId);
    }

    /** 1 if the action is in the idempotency ledger, else 0. */
    public int ledgerRowsOf(String userId, String actionId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_action WHERE user_id = ? AND action_id = ?",
                Integer.class, userId, actionId);
    }

    /** Sum of the points of every ScoreIncreased stored for the player, read from the JSON payloads. */
    public long storedPointsOf(String userId) {
        Long sum = jdbc.queryForObject("""
                SELECT coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> 'points')::bigint), 0)
                FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'dev.leaderboard.events.ScoreIncreased'""",
                Long.class, userId);
        return sum == null ? 0 : sum;
    }

    /** The all-time total carried by the player's latest event on a board. */
    public long latestAllTimeTotalOf(String userId, String leaderboardId) {
        return jdbc.queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb -> 'totals' ->> 'allTime')::bigint
                FROM domain_event_entry
                WHERE aggregate_identifier = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'leaderboardId' = ?
                ORDER BY sequence_number DESC LIMIT 1""", Long.class, userId, leaderboardId);
    }

    /**
     * How many database transactions wrote the events of these players (PostgreSQL's {@code xmin}: the id of the
     * transaction that inserted the row).
     */
    public int transactionsThatWroteEventsOf(java.util.Collection<String> aggregateIds) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT xmin::text) FROM domain_event_entry
                WHERE aggregate_identifier = ANY(?::varchar[])""", Integer.class,
                (Object) aggregateIds.toArray(String[]::new));
    }

    /** The same for the players' ledger rows. */
    public int transactionsThatWroteLedgerRowsOf(java.util.Collection<String> userIds) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT xmin::text) FROM processed_action WHERE user_id = ANY(?::varchar[])""",
                Integer.class, (Object) userIds.toArray(String[]::new));
    }

    public int snapshotsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
