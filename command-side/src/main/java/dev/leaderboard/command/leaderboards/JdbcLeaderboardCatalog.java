package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads through the shared {@link BoardDirectory}; records operator definitions in the {@code leaderboard} table. */
public class JdbcLeaderboardCatalog implements LeaderboardCatalog {

    private final BoardDirectory directory;
    private final JdbcTemplate jdbc;

    public JdbcLeaderboardCatalog(BoardDirectory directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String leaderboardId) {
        return directory.exists(leaderboardId);
    }

    @Override
    public void save(LeaderboardDefinition definition, Instant at) {
        jdbc.update("""
                        INSERT INTO leaderboard (leaderboard_id, name, description, tiers, defined_at, updated_at)
                        VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (leaderboard_id) DO UPDATE
                        SET name = EXCLUDED.name, description = EXCLUDED.description, tiers = EXCLUDED.tiers,
                            updated_at = EXCLUDED.updated_at""",
                definition.leaderboardId(), definition.name(), definition.description(),
                BoardDirectory.tiersToJson(definition.tiers()), Timestamp.from(at), Timestamp.from(at));
    }

    @Override
    public List<LeaderboardDefinition> all() {
        return directory.all();
    }
}
