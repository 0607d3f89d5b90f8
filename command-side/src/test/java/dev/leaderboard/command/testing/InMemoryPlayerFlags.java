package dev.leaderboard.command.testing;

import dev.leaderboard.command.flags.FlagView;
import dev.leaderboard.command.flags.PlayerFlags;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flag review list kept in memory, for aggregate fixtures. */
public class InMemoryPlayerFlags implements PlayerFlags {

    private final Map<String, FlagView> flags = new LinkedHashMap<>();

    @Override
    public void raised(PlayerFlagged flag) {
        flags.put(flag.flagId(), new FlagView(flag.flagId(), flag.userId(), flag.rule(), flag.evidence(),
                flag.occurredAt(), FlagView.Status.OPEN, null, null, null, null));
    }

    @Override
    public void resolved(FlagResolved resolution) {
        flags.computeIfPresent(resolution.flagId(), (id, f) -> new FlagView(id, f.userId(), f.rule(), f.evidence(),
                f.raisedAt(), FlagView.Status.RESOLVED, resolution.resolution(), resolution.reason(),
                resolution.operator(), resolution.occurredAt()));
    }

    @Override
    public Optional<FlagView> find(String flagId) {
        return Optional.ofNullable(flags.get(flagId));
    }

    @Override
    public List<FlagView> list(FlagView.Status status, int offset, int limit) {
        return flags.values().stream().filter(f -> status == null || f.status() == status)
                .skip(offset).limit(limit).toList();
    }
}
