package dev.leaderboard.boards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Which leaderboards exist: configured ones ({@code leaderboard.boards.*}; {@code global} always) and those operators
 * defined (the {@code leaderboard} table, written with their {@code LeaderboardDefined} events). Boards are never
 * deleted, so a board once seen is cached for good; a miss always asks the database, so a board defined through
 * another instance is found at once. Definitions (their tiers) can change: {@link #find} reloads one in the
 * background when it is older than {@link #DEFINITION_TTL}, so a change made through another instance shows about a
 * second later, and reads that only need Redis keep working while the database is unreachable (the last definition
 * stays until a reload succeeds).
 */
public class BoardDirectory {

    public static final String GLOBAL = "global";
    static final Duration DEFINITION_TTL = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Tier>> TIER_LIST = new TypeReference<>() {
    };
    private static final RowMapper<LeaderboardDefinition> DEFINED = (rs, row) -> new LeaderboardDefinition(
            rs.getString(1), rs.getString(2), rs.getString(3), tiersFromJson(rs.getString(4)));
    private static final String SELECT = "SELECT leaderboard_id, name, description, tiers FROM leaderboard";

    private final Map<String, LeaderboardDefinition> configured;
    private final JdbcTemplate jdbc;
    private final Set<String> seenDefined = ConcurrentHashMap.newKeySet();
    private final LoadingCache<String, Optional<LeaderboardDefinition>> definitions;

    public BoardDirectory(LeaderboardProperties properties, JdbcTemplate jdbc) {
        this(properties, jdbc, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** @param ticker and {@code reloads} (where background reloads run): the clock and threads of the cache */
    BoardDirectory(LeaderboardProperties properties, JdbcTemplate jdbc, Ticker ticker, Executor reloads) {
        this.definitions = Caffeine.newBuilder().ticker(ticker).executor(reloads).refreshAfterWrite(DEFINITION_TTL)
                .expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build(this::load);
        Map<String, LeaderboardDefinition> boards = new LinkedHashMap<>();
        boards.put(GLOBAL, new LeaderboardDefinition(GLOBAL, "Global",
                "The default leaderboard: actions that name no board count here"));
        properties.boards().forEach((id, board) -> {
            LeaderboardDefinition base = boards.getOrDefault(id, new LeaderboardDefinition(id, id, null));
            boards.put(id, new LeaderboardDefinition(id, board.name() == null ? base.name() : board.name(),
                    board.description() == null ? base.description() : board.description(), board.tierList()));
        });
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

    /** A board's definition (an operator's overriding the configured one), or empty when the board does not exist. */
    public Optional<LeaderboardDefinition> find(String leaderboardId) {
        return definitions.get(leaderboardId);
    }

    private Optional<LeaderboardDefinition> load(String leaderboardId) {
        return jdbc.query(SELECT + " WHERE leaderboard_id = ?", DEFINED, leaderboardId).stream().findFirst()
                .or(() -> Optional.ofNullable(configured.get(leaderboardId)));
    }

    /** Every board, operator definitions overriding configured ones, ordered by id. */
    public List<LeaderboardDefinition> all() {
        Map<String, LeaderboardDefinition> merged = new LinkedHashMap<>(configured);
        jdbc.query(SELECT, DEFINED).forEach(d -> merged.put(d.leaderboardId(), d));
        return merged.values().stream().sorted(Comparator.comparing(LeaderboardDefinition::leaderboardId)).toList();
    }

    /** The {@code tiers} column's JSON of a definition's tiers (null for none). */
    public static String tiersToJson(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(tiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Tier> tiersFromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TIER_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tiers in the leaderboard table: " + json, e);
        }
    }
}
