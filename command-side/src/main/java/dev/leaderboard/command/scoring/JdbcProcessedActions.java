package dev.leaderboard.command.scoring;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Optional;

/** The ledger in PostgreSQL; joins the command's transaction through Spring's transaction synchronisation. */
public class JdbcProcessedActions implements ProcessedActions {

    private final JdbcTemplate jdbc;

    public JdbcProcessedActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProcessedAction> find(String userId, String actionId) {
        return jdbc.query("""
                        SELECT leaderboard_id, action_type, points, accepted_at
                        FROM processed_action WHERE user_id = ? AND action_id = ?""",
                (rs, row) -> new ProcessedAction(userId, actionId, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()),
                userId, actionId).stream().findFirst();
    }

    @Override
    public boolean recordIfAbsent(ProcessedAction action) {
        return jdbc.update("""
                        INSERT INTO processed_action (user_id, action_id, leaderboard_id, action_type, points, accepted_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, action_id) DO NOTHING""",
                action.userId(), action.actionId(), action.leaderboardId(), action.actionType(), action.points(),
                Timestamp.from(action.acceptedAt())) == 1;
    }
}
