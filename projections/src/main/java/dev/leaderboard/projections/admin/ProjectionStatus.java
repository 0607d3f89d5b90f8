package dev.leaderboard.projections.admin;

/**
 * What {@code GET /api/v1/admin/projections} reports for one projection.
 *
 * @param position        every event up to here is applied (lowest position over all segments)
 * @param headPosition    position of the newest event in the store
 * @param lag             events not yet applied
 * @param lagSeconds      age of the oldest event not yet applied
 * @param segments        segments of the processor
 * @param liveGeneration  the generation readers use; null for a processor without generations (the outbound one)
 * @param replay          the replay in progress, or null
 */
public record ProjectionStatus(String name, String status, long position, long headPosition, long lag,
                               double lagSeconds, int segments, Integer liveGeneration, Replay replay) {

    public record Replay(int generation, double progress) {
    }
}
