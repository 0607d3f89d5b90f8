package dev.leaderboard.command.testing;

import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.boards.LeaderboardDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A catalog of boards held in memory; remembers every save so tests can check what was recorded. */
public final class InMemoryLeaderboardCatalog implements LeaderboardCatalog {

    public record Save(LeaderboardDefinition definition, Instant at) {
    }

    private final Map<String, LeaderboardDefinition> boards = new LinkedHashMap<>();
    private final List<Save> saves = new ArrayList<>();

    public InMemoryLeaderboardCatalog(String... boardIds) {
        for (String id : boardIds) {
            boards.put(id, new LeaderboardDefinition(id, id, null));
        }
    }

    @Override
    public boolean exists(String leaderboardId) {
        return boards.containsKey(leaderboardId);
    }

    @Override
    public void save(LeaderboardDefinition definition, Instant at) {
        boards.put(definition.leaderboardId(), definition);
        saves.add(new Save(definition, at));
    }

    @Override
    public List<LeaderboardDefinition> all() {
        return boards.values().stream().sorted(Comparator.comparing(LeaderboardDefinition::leaderboardId)).toList();
    }

    public List<Save> saves() {
        return List.copyOf(saves);
    }
}
