package dev.leaderboard.command.batching;

import dev.leaderboard.command.scoring.SubmitAction;

import java.util.List;

/**
 * Work done once per batch, inside its unit of work and transaction, before any of its commands runs: one query
 * for the whole batch instead of one (or two) per command.
 */
@FunctionalInterface
public interface BatchPreparation {

    void prepare(List<SubmitAction> commands);
}
