package dev.leaderboard.projections.generations;

import java.util.List;

/**
 * Which generation readers use ({@code live}) and which one a replay is building, if any. While a replay runs,
 * live processing writes both, so the new generation misses nothing that happens during the rebuild.
 *
 * @param buildingId       identifies the replay run building it; a stale run never writes into another's build
 * @param buildingPosition event store position the replay has reached
 * @param buildingHead     head position when the replay started
 */
public record Generations(int live, Integer building, String buildingId, Long buildingPosition, Long buildingHead) {

    public List<Integer> writeTargets() {
        return building == null ? List.of(live) : List.of(live, building);
    }

    public boolean isBuilding() {
        return building != null;
    }

    /** 0..1 for a running replay. */
    public double buildingProgress() {
        if (buildingHead == null || buildingHead <= 0) {
            return buildingPosition == null || buildingPosition == 0 ? 0.0 : 1.0;
        }
        return Math.min(1.0, (double) (buildingPosition == null ? 0 : buildingPosition) / buildingHead);
    }
}
