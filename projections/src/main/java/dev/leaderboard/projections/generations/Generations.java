package dev.leaderboard.projections.generations;

import java.util.List;

/**
 * Which generation readers use ({@code live}) and which one a replay is building, if any. While a replay runs,
 * live processing writes both, so the new generation misses nothing that happens during the rebuild.
 */
public record Generations(int live, Integer building) {

    public List<Integer> writeTargets() {
        return building == null ? List.of(live) : List.of(live, building);
    }

    public boolean isBuilding() {
        return building != null;
    }
}
