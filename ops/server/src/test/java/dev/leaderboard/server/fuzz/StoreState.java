package dev.leaderboard.server.fuzz;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a request could have written: the event store (highest global index and row count), the action ledger, the
 * defined boards and the flags. A rejected request must leave all of it as it was.
 */
record StoreState(long lastEventIndex, long events, long ledgerRows, long boards, long flags) {

    static StoreState of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),
                       (SELECT count(*) FROM domain_event_entry),
                       (SELECT count(*) FROM processed_action),
                       (SELECT count(*) FROM leaderboard),
                       (SELECT count(*) FROM player_flag)""", (rs, row) -> new StoreState(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }
}
