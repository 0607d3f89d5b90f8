package dev.leaderboard.command.leaderboards;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Configured boards from properties, operator-defined ones from the {@code leaderboard} table. Boards are never
 * deleted, so a board once seen is cached for good; a miss always asks the database, so a board defined through
 * another instance is found at once.
 */
public class JdbcLeaderboardCatalog implements LeaderboardCatalog {

    private final Map<String, LeaderboardDefinition> configured;
    private final JdbcTemplate jdbc;
    private final Set<String> seenDefined = ConcurrentHashMap.newKeySet();

    public JdbcLeaderboardCatalog(LeaderboardProperties properties, JdbcTemplate jdbc) {
        Map<String, LeaderboardDefinition> boards = new LinkedHashMap<>();
        boards.put(GLOBAL, new LeaderboardDefinition(GLOBAL, "Global", "The default leaderboard: actions that name no board count here"));
        properties.boards().forEach((id, board) -> boards.put(id,
                new LeaderboardDefinition(id, board.name() == null ? id : board.name(), board.description())));
        this.configured = Map.copyOf(boards);
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String leaderboardId) {
        if (configured.containsKey(leaderboardId) || seenDefined.contains(leaderboardId)) {
            return true;
        }
        Integer found = jdbc.queryForObject("SELECT count(*) FROM leaderboard WHERE leaderboard_id = ?",
                Integer.class, leaderboardId);
        if (found != null && found > 0) {
            seenDefined.add(leaderboardId);
            return true;
        }
        return false;
    }

    @Override
    public void save(LeaderboardDefinition definition, Instant at) {
        jdbc.update("""
                        INSERT INTO leaderboard (leaderboard_id, name, description, defined_at, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (leaderboard_id) DO UPDATE
                        SET name = EXCLUDED.name, description = EXCLUDED.description, updated_at = EXCLUDED.updated_at""",
                definition.leaderboardId(), definition.name(), definition.description(),
                Timestamp.from(at), Timestamp.from(at));
    }

    @Override
    public List<LeaderboardDefinition> all() {
        List<LeaderboardDefinition> defined = jdbc.query(
                "SELECT leaderboard_id, name, description FROM leaderboard",
                (rs, row) -> new LeaderboardDefinition(rs.getString(1), rs.getString(2), rs.getString(3)));
        Map<String, LeaderboardDefinition> merged = new LinkedHashMap<>(configured);
        defined.forEach(d -> merged.put(d.leaderboardId(), d));
        return Stream.of(merged.values().toArray(LeaderboardDefinition[]::new))
                .sorted(Comparator.comparing(LeaderboardDefinition::leaderboardId))
                .toList();
    }
}
