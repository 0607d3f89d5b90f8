package dev.leaderboard.projections.generations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** The generation state of a projection, in PostgreSQL (the source of truth; Redis holds a copy of the pointer). */
public class ProjectionGenerations {

    public static final String STANDINGS = "standings";

    private final JdbcTemplate jdbc;

    public ProjectionGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Generations current() {
        return jdbc.queryForObject("""
                        SELECT live_generation, building_generation, building_id, building_position, building_head
                        FROM projection_generation WHERE projection = ?""",
                (rs, row) -> new Generations(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5)), STANDINGS);
    }

    /** Claims the next generation for the replay run {@code buildingId}; empty if one is already being built. */
    public Optional<Integer> startBuilding(String buildingId, long head) {
        Generations now = current();
        if (now.isBuilding()) {
            return Optional.empty();
        }
        int next = now.live() + 1;
        int updated = jdbc.update("""
                UPDATE projection_generation
                SET building_generation = ?, building_id = ?, building_started_at = now(), building_position = 0,
                    building_head = ?
                WHERE projection = ? AND building_generation IS NULL AND live_generation = ?""",
                next, buildingId, head, STANDINGS, now.live());
        return updated == 1 ? Optional.of(next) : Optional.empty();
    }

    public void reportProgress(String buildingId, long position) {
        jdbc.update("UPDATE projection_generation SET building_position = ? WHERE projection = ? AND building_id = ?",
                position, STANDINGS, buildingId);
    }

    /** Makes the run's build live; false if that run was cancelled meanwhile. */
    public boolean switchTo(String buildingId) {
        return jdbc.update("""
                UPDATE projection_generation
                SET live_generation = building_generation, building_generation = NULL, building_id = NULL,
                    building_position = NULL, building_head = NULL, switched_at = now()
                WHERE projection = ? AND building_id = ?""", STANDINGS, buildingId) == 1;
    }

    /** Cancels whatever replay is building; its run notices at its next batch and stops. */
    public boolean cancelBuilding() {
        return jdbc.update("""
                UPDATE projection_generation
                SET building_generation = NULL, building_id = NULL, building_position = NULL, building_head = NULL
                WHERE projection = ? AND building_generation IS NOT NULL""", STANDINGS) == 1;
    }

    /** Cancels the build of one run only (a run cleaning up after itself). */
    public void cancelBuilding(String buildingId) {
        jdbc.update("""
                UPDATE projection_generation
                SET building_generation = NULL, building_id = NULL, building_position = NULL, building_head = NULL
                WHERE projection = ? AND building_id = ?""", STANDINGS, buildingId);
    }

    public void deleteRows(int generation) {
        jdbc.update("DELETE FROM standing WHERE generation = ?", generation);
        jdbc.update("DELETE FROM suspended_player WHERE generation = ?", generation);
    }

    /** Removes every generation but the live one: leftovers of cancelled replays and missed cleanups. */
    public void deleteRowsExcept(int live) {
        jdbc.update("DELETE FROM standing WHERE generation <> ?", live);
        jdbc.update("DELETE FROM suspended_player WHERE generation <> ?", live);
    }
}
