package dev.leaderboard.server.support;

import dev.leaderboard.projections.layout.RedisKeys;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every board of the live generation, from Redis (as readers resolve it: through the generation pointer) and
 * from the PostgreSQL standings table, as {@code "<board>|<window>|<period>" -> ranked entries}, so the two stores,
 * or one store before and after a replay, can be compared whole.
 */
public final class Standings {

    public record Entry(String userId, long score) {
    }

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final RedisKeys keys;

    public Standings(StringRedisTemplate redis, JdbcTemplate jdbc, String prefix) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.keys = new RedisKeys(prefix);
    }

    public static Standings of(ServerInstance server) {
        return new Standings(server.bean(StringRedisTemplate.class), server.rows().jdbc(),
                server.context().getEnvironment().getProperty("leaderboard.redis.key-prefix"));
    }

    public Integer redisGeneration() {
        String pointer = redis.opsForValue().get(keys.generationPointer());
        return pointer == null ? null : Integer.valueOf(pointer);
    }

    public Map<String, List<Entry>> redisBoards() {
        Integer generation = redisGeneration();
        Map<String, List<Entry>> boards = new TreeMap<>();
        if (generation == null) {
            return boards;
        }
        String anyRanking = keys.rankingPattern(generation);
        List<String> rankKeys = new ArrayList<>();
        try (Cursor<String> found = redis.scan(ScanOptions.scanOptions().match(anyRanking).count(1000).build())) {
            found.forEachRemaining(rankKeys::add);
        }
        for (String key : rankKeys) {
            // A board's keys carry its "<board>|<window>|<period>" as their hash tag.
            String board = key.substring(key.indexOf('{') + 1, key.indexOf('}'));
            Set<ZSetOperations.TypedTuple<String>> ranked = redis.opsForZSet().reverseRangeWithScores(key, 0, -1);
            List<Entry> entries = new ArrayList<>();
            if (ranked != null) {
                ranked.forEach(t -> entries.add(new Entry(
                        t.getValue().substring(t.getValue().indexOf(':') + 1), t.getScore().longValue())));
            }
            boards.put(board, entries);
        }
        return boards;
    }

    public List<Entry> redisBoard(String board) {
        return redisBoards().getOrDefault(board, List.of());
    }

    public Map<String, List<Entry>> postgresBoards() {
        Integer generation = jdbc.queryForObject(
                "SELECT live_generation FROM projection_generation WHERE projection = 'standings'", Integer.class);
        Map<String, List<Entry>> boards = new TreeMap<>();
        jdbc.query("""
                SELECT leaderboard_id, time_window, period, user_id, score FROM standing WHERE generation = ?
                ORDER BY leaderboard_id, time_window, period, score DESC, reached_at, user_id DESC""", rs -> {
            String board = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
            boards.computeIfAbsent(board, k -> new ArrayList<>()).add(new Entry(rs.getString(4), rs.getLong(5)));
        }, generation);
        return boards;
    }
}
