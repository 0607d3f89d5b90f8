package dev.leaderboard.command.testing;

import dev.leaderboard.command.scoring.ProcessedAction;
import dev.leaderboard.command.scoring.ProcessedActions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The idempotency ledger as a map keyed by (user, action id), like the table's primary key. */
public final class InMemoryProcessedActions implements ProcessedActions {

    private final Map<List<String>, ProcessedAction> rows = new LinkedHashMap<>();

    @Override
    public Optional<ProcessedAction> find(String userId, String actionId) {
        return Optional.ofNullable(rows.get(List.of(userId, actionId)));
    }

    @Override
    public boolean recordIfAbsent(ProcessedAction action) {
        return rows.putIfAbsent(List.of(action.userId(), action.actionId()), action) == null;
    }

    public List<ProcessedAction> rows() {
        return List.copyOf(rows.values());
    }
}
