package dev.leaderboard.boards;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which leaderboards exist: configured ones ({@code leaderboard.boards.*}; {@code global} always) and those operators
 * defined (the {@code leaderboard} table, written with their {@code LeaderboardDefined} events). Boards are never
 * deleted, so a board once seen is cached for good; a miss always asks the database, so a board defined through
 * another instance is found at once.
 */
public class BoardDirectory {

    public static final String GLOBAL = "global";

    private final Map<String, LeaderboardDefinition> configured;
    private final JdbcTemplate jdbc;
    private final Set<String> seenDefined = ConcurrentHashMap.newKeySet();

    public BoardDirectory(LeaderboardProperties properties, JdbcTemplate jdbc) {
        Map<String, LeaderboardDefinition> boards = new LinkedHashMap<>();
        boards.put(GLOBAL, new LeaderboardDefinition(GLOBAL, "Global",
                "The default leaderboard: actions that name no board count here"));
        properties.boards().forEach((id, board) -> boards.put(id,
                new LeaderboardDefinition(id, board.name() == null ? id : board.name(), board.description())));
        this.configured = Map.copyOf(boards);
        this.jdbc = jdbc;
    }

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

    /** Every board, operator definitions overriding configured names, ordered by id. */
    public List<LeaderboardDefinition> all() {
        Map<String, LeaderboardDefinition> merged = new LinkedHashMap<>(configured);
        jdbc.query("SELECT leaderboard_id, name, description FROM leaderboard",
                (rs, row) -> new LeaderboardDefinition(rs.getString(1), rs.getString(2), rs.getString(3)))
                .forEach(d -> merged.put(d.leaderboardId(), d));
        return merged.values().stream().sorted(Comparator.comparing(LeaderboardDefinition::leaderboardId)).toList();
    }
}
