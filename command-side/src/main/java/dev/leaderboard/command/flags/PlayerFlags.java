package dev.leaderboard.command.flags;

import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;

import java.util.List;
import java.util.Optional;

/**
 * The review list of anomaly flags, written in the same transaction as the {@link PlayerFlagged} and
 * {@link FlagResolved} events it follows from.
 */
public interface PlayerFlags {

    void raised(PlayerFlagged flag);

    void resolved(FlagResolved resolution);

    Optional<FlagView> find(String flagId);

    /** Oldest first; {@code status} null lists every flag. */
    List<FlagView> list(FlagView.Status status, int offset, int limit);
}
