package dev.leaderboard.command.scoring;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger in PostgreSQL, batched per unit of work: lookups are answered from one prefetch query where the batch
 * made one, new rows are collected in the root unit of work and written by one multi-row insert just before its
 * transaction commits. A row that another instance inserted in the meantime makes that insert come up short; the
 * whole unit of work then fails as a concurrent append and is retried, and the retry finds the row.
 */
public class JdbcProcessedActions implements ProcessedActions {

    private static final String BATCH = JdbcProcessedActions.class.getName() + ".batch";
    private static final Comparator<ProcessedAction> KEY_ORDER =
            Comparator.comparing(ProcessedAction::userId).thenComparing(ProcessedAction::actionId);

    private final JdbcTemplate jdbc;

    public JdbcProcessedActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProcessedAction> find(String userId, String actionId) {
        Batch batch = currentBatch();
        ActionKey key = new ActionKey(userId, actionId);
        if (batch != null && batch.known.containsKey(key)) {
            return batch.known.get(key);
        }
        Optional<ProcessedAction> found = jdbc.query("""
                        SELECT leaderboard_id, action_type, points, accepted_at
                        FROM processed_action WHERE user_id = ? AND action_id = ?""",
                (rs, row) -> new ProcessedAction(userId, actionId, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()),
                userId, actionId).stream().findFirst();
        if (batch != null) {
            batch.known.put(key, found);
        }
        return found;
    }

    @Override
    public boolean recordIfAbsent(ProcessedAction action) {
        Batch batch = currentBatch();
        if (batch == null) {
            return insert(List.of(action)) == 1;
        }
        if (find(action.userId(), action.actionId()).isPresent()) {
            return false;
        }
        batch.known.put(new ActionKey(action.userId(), action.actionId()), Optional.of(action));
        batch.pending.add(action);
        return true;
    }

    @Override
    public void prefetch(Collection<ActionKey> keys) {
        Batch batch = currentBatch();
        if (batch == null || keys.isEmpty()) {
            return;
        }
        List<ActionKey> unknown = keys.stream().distinct().filter(k -> !batch.known.containsKey(k)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(k -> batch.known.put(k, Optional.empty()));
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT p.user_id, p.action_id, p.leaderboard_id, p.action_type, p.points, p.accepted_at
                    FROM processed_action p
                    JOIN unnest(?::varchar[], ?::varchar[]) AS k(user_id, action_id)
                      ON p.user_id = k.user_id AND p.action_id = k.action_id""");
            statement.setArray(1, connection.createArrayOf("varchar",
                    unknown.stream().map(ActionKey::userId).toArray()));
            statement.setArray(2, connection.createArrayOf("varchar",
                    unknown.stream().map(ActionKey::actionId).toArray()));
            return statement;
        }, rs -> {
            ProcessedAction row = new ProcessedAction(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant());
            batch.known.put(new ActionKey(row.userId(), row.actionId()), Optional.of(row));
        });
    }

    private Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> flush(batch));
            return batch;
        });
    }

    private void flush(Batch batch) {
        if (batch.pending.isEmpty()) {
            return;
        }
        int inserted = insert(batch.pending);
        if (inserted != batch.pending.size()) {
            throw new ConcurrencyException((batch.pending.size() - inserted)
                    + " action(s) of this batch were recorded concurrently by another writer");
        }
    }

    /** One statement for all rows, in key order so that concurrent inserts of shared keys cannot deadlock. */
    private int insert(List<ProcessedAction> rows) {
        List<ProcessedAction> sorted = new ArrayList<>(rows);
        sorted.sort(KEY_ORDER);
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO processed_action (user_id, action_id, leaderboard_id, action_type, points, accepted_at)
                    SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[],
                                         ?::timestamptz[])
                    ON CONFLICT (user_id, action_id) DO NOTHING""");
            statement.setArray(1, array(connection, "varchar", sorted.stream().map(ProcessedAction::userId)
                    .toArray()));
            statement.setArray(2, array(connection, "varchar", sorted.stream().map(ProcessedAction::actionId)
                    .toArray()));
            statement.setArray(3, array(connection, "varchar", sorted.stream().map(ProcessedAction::leaderboardId)
                    .toArray()));
            statement.setArray(4, array(connection, "varchar", sorted.stream().map(ProcessedAction::actionType)
                    .toArray()));
            statement.setArray(5, array(connection, "bigint", sorted.stream().map(ProcessedAction::points)
                    .toArray()));
            statement.setArray(6, array(connection, "timestamptz", sorted.stream()
                    .map(a -> Timestamp.from(a.acceptedAt())).toArray()));
            return statement;
        });
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** What one unit of work knows of the ledger: lookups already made, and rows still to write. */
    private static final class Batch {
        final Map<ActionKey, Optional<ProcessedAction>> known = new HashMap<>();
        final List<ProcessedAction> pending = new ArrayList<>();
    }
}
