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
        return jdbc.queryForObject(
                "SELECT live_generation, building_generation FROM projection_generation WHERE projection = ?",
                (rs, row) -> new Generations(rs.getInt(1), (Integer) rs.getObject(2)), STANDINGS);
    }

    /** Claims the next generation for a replay; empty if one is already being built. */
    public Optional<Integer> startBuilding() {
        Generations now = current();
        if (now.isBuilding()) {
            return Optional.empty();
        }
        int next = now.live() + 1;
        int updated = jdbc.update("""
                UPDATE projection_generation SET building_generation = ?, building_started_at = now()
                WHERE projection = ? AND building_generation IS NULL AND live_generation = ?""",
                next, STANDINGS, now.live());
        return updated == 1 ? Optional.of(next) : Optional.empty();
    }

    /** Makes the built generation live; false if the build was cancelled meanwhile. */
    public boolean switchTo(int generation) {
        return jdbc.update("""
                UPDATE projection_generation
                SET live_generation = building_generation, building_generation = NULL, switched_at = now()
                WHERE projection = ? AND building_generation = ?""", STANDINGS, generation) == 1;
    }

    public void cancelBuilding() {
        jdbc.update("UPDATE projection_generation SET building_generation = NULL WHERE projection = ?", STANDINGS);
    }

    public void deleteRows(int generation) {
        jdbc.update("DELETE FROM standing WHERE generation = ?", generation);
    }
}
