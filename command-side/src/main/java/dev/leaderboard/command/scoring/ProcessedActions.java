package dev.leaderboard.command.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The idempotency ledger, written in the command's own transaction, so an action is recorded exactly when its event
 * is. It lives outside the aggregate so aggregate state and snapshots stay the same size however many actions a
 * player has.
 */
public interface ProcessedActions {

    Optional<ProcessedAction> find(String userId, String actionId);

    /** @return false if the (user, action id) pair was already recorded; nothing is written then */
    boolean recordIfAbsent(ProcessedAction action);

    /**
     * Looks up many actions at once, ahead of a batch of commands, so that their {@link #find} calls need no query
     * of their own. Does nothing where the ledger has no batch to remember them for.
     */
    default void prefetch(Collection<ActionKey> keys) {
    }

    /** Prefetches the ledger rows a batch of commands may look up. */
    default void prefetchFor(List<SubmitAction> commands) {
        prefetch(commands.stream().map(c -> new ActionKey(c.userId(), c.actionId())).toList());
    }

    /** A ledger row's key. */
    record ActionKey(String userId, String actionId) {
    }
}
