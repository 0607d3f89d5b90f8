package dev.leaderboard.projections.standings;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.LuaScripts;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standings in Redis sorted sets: one script call per batch and generation (apply-standings.lua), grouped by board,
 * with variadic commands per board inside the script; very large inputs (restores) are split into a few calls of at
 * most {@link #MAX_STANDINGS_PER_CALL} standings, pipelined in one round trip.
 */
public class RedisStandings {

    private static final String LOST = "LEADERBOARD_REDIS_LOST";
    private static final String PRELUDE = "scripts/standings-prelude.lua";
    /** Bounds how long one script call keeps Redis busy (restores send 2,000 rows at a time). */
    static final int MAX_STANDINGS_PER_CALL = 4_000;

    private static final Logger log = LoggerFactory.getLogger(RedisStandings.class);
    private static final DefaultRedisScript<Long> RAISE_EPOCH = new DefaultRedisScript<>(
            "local e = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') + 1, tonumber(ARGV[1])) "
                    + "redis.call('SET', KEYS[1], e) return e", Long.class);
    private static final String RESET_MESSAGE = resetMessage();

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RetentionPolicy retention;
    private final DefaultRedisScript<Long> script;
    private final DefaultRedisScript<Long> suspendScript;

    public RedisStandings(StringRedisTemplate redis, RedisKeys keys, RetentionPolicy retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
        this.script = new DefaultRedisScript<>(LuaScripts.read(PRELUDE, "scripts/apply-standings.lua"), Long.class);
        this.suspendScript = new DefaultRedisScript<>(LuaScripts.read(PRELUDE, "scripts/suspend-players.lua"), Long.class);
    }

    /**
     * Applies the standings to one generation, except those of players suspended in it; throws
     * {@link RedisDataLostException} if Redis lost its data.
     */
    public void apply(int generation, List<Standing> standings) {
        if (standings.isEmpty()) {
            return;
        }
        run(script, calls(generation, standings));
    }

    /**
     * Suspends and reinstates players in one generation: adds and removes them from its suspended set, and takes
     * the standings in {@code remove} off their boards if their player is suspended after this call (reinstated
     * players' standings are put back with {@link #apply}, afterwards).
     */
    public void applySuspensions(int generation, Collection<String> suspend, Collection<String> reinstate,
                                 List<Standing> remove) {
        if (suspend.isEmpty() && reinstate.isEmpty() && remove.isEmpty()) {
            return;
        }
        run(suspendScript, suspensionCalls(generation, suspend, reinstate, remove));
    }

    /** Adds players to a generation's suspended set (a restore, before it copies their standings). */
    public void addSuspended(int generation, List<String> users) {
        String key = keys.suspended(generation);
        for (int from = 0; from < users.size(); from += 1000) {
            redis.opsForSet().add(key, users.subList(from, Math.min(users.size(), from + 1000))
                    .toArray(String[]::new));
        }
    }

    private void run(DefaultRedisScript<Long> script, List<Call> calls) {
        try {
            execute(script, calls);
        } catch (RuntimeException e) {
            if (mentions(e, LOST)) {
                throw new RedisDataLostException(e);
            }
            if (!mentions(e, "NOSCRIPT")) {
                throw e;
            }
            redis.execute((RedisCallback<String>) c -> c.scriptingCommands()
                    .scriptLoad(script.getScriptAsString().getBytes(StandardCharsets.UTF_8)));
            try {
                execute(script, calls);
            } catch (RuntimeException again) {
                throw mentions(again, LOST) ? new RedisDataLostException(again) : again;
            }
        }
    }

    /**
     * Points readers at a generation whose content may differ wholesale from what they saw (a replay's switch, a
     * restore, a heal): raises the epoch, so every board's {@link dev.leaderboard.projections.layout.BoardVersion}
     * changes, and tells every query instance to drop what it derived ({@link BoardChange#reset()}).
     */
    public void setGenerationPointer(int generation) {
        redis.opsForValue().set(keys.generationPointer(), Integer.toString(generation));
        redis.execute(RAISE_EPOCH, List.of(keys.epoch()), Long.toString(System.currentTimeMillis()));
        try {
            redis.convertAndSend(keys.changesChannel(), RESET_MESSAGE);
        } catch (RuntimeException e) {
            // Best effort, like every notification: readers' caches expire within leaderboard.query.top-cache-ttl.
            log.warn("Could not publish the reset notification: {}", e.toString());
        }
    }

    public boolean hasGenerationPointer() {
        return Boolean.TRUE.equals(redis.hasKey(keys.generationPointer()));
    }

    public Integer generationPointer() {
        String pointer = redis.opsForValue().get(keys.generationPointer());
        return pointer == null ? null : Integer.valueOf(pointer);
    }

    public void deleteGenerationPointer() {
        redis.delete(keys.generationPointer());
    }

    public void markRestoring(java.time.Duration atMost) {
        redis.opsForValue().set(keys.restoringMarker(), "1", atMost);
    }

    public void clearRestoring() {
        redis.delete(keys.restoringMarker());
    }

    public boolean isRestoring() {
        return Boolean.TRUE.equals(redis.hasKey(keys.restoringMarker()));
    }

    /** Removes every key of a generation, without blocking Redis (SCAN + UNLINK). */
    public long deleteGeneration(int generation) {
        return deleteMatching(keys.generationPattern(generation), key -> true);
    }

    /** Removes the keys of every generation but {@code live}: leftovers of cancelled replays and missed cleanups. */
    public long deleteGenerationsExcept(int live) {
        String livePrefix = keys.generationKeysStart(live);
        return deleteMatching(keys.anyGenerationPattern(), key -> keys.isGenerationKey(key)
                && !key.startsWith(livePrefix));
    }

    private long deleteMatching(String pattern, java.util.function.Predicate<String> filter) {
        return redis.execute((RedisCallback<Long>) connection -> {
            long deleted = 0;
            var options = org.springframework.data.redis.core.ScanOptions.scanOptions()
                    .match(pattern).count(1000).build();
            List<byte[]> chunk = new ArrayList<>();
            try (var cursor = connection.keyCommands().scan(options)) {
                while (cursor.hasNext()) {
                    byte[] key = cursor.next();
                    if (filter.test(new String(key, StandardCharsets.UTF_8))) {
                        chunk.add(key);
                    }
                    if (chunk.size() == 500) {
                        deleted += unlink(connection, chunk);
                    }
                }
            }
            return deleted + unlink(connection, chunk);
        });
    }

    private static long unlink(RedisConnection connection, List<byte[]> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Long n = connection.keyCommands().unlink(chunk.toArray(byte[][]::new));
        chunk.clear();
        return n == null ? 0 : n;
    }

    private void execute(DefaultRedisScript<Long> script, List<Call> calls) {
        String sha = script.getSha1();
        if (calls.size() == 1) {
            Call call = calls.get(0);
            redis.execute((RedisCallback<Object>) connection -> connection.scriptingCommands().evalSha(sha,
                    ReturnType.INTEGER, call.numKeys(), call.keysAndArgs()));
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Call call : calls) {
                connection.scriptingCommands().evalSha(sha, ReturnType.INTEGER, call.numKeys(), call.keysAndArgs());
            }
            return null;
        });
    }

    /** One script call: the pointer, the suspended set and (ranking, members, version) per board are its keys. */
    private record Call(int numKeys, byte[][] keysAndArgs) {
    }

    /**
     * One script call for all standings of a generation: grouped by board (leaderboard, window, period), and per
     * board and player only the newest version (a batch never needs an older one; keeping it would leave two members
     * of one player in the sorted set). Calls larger than {@link #MAX_STANDINGS_PER_CALL} are split by board.
     */
    private List<Call> calls(int generation, List<Standing> standings) {
        Map<Board, Map<String, Standing>> byBoard = new LinkedHashMap<>();
        for (Standing s : standings) {
            byBoard.computeIfAbsent(new Board(s.leaderboardId(), s.window(), s.period()), b -> new LinkedHashMap<>())
                    .merge(s.userId(), s, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<Call> calls = new ArrayList<>(1);
        List<Map.Entry<Board, Map<String, Standing>>> boards = new ArrayList<>(byBoard.entrySet());
        int from = 0;
        while (from < boards.size()) {
            int to = from;
            int size = 0;
            do {
                size += boards.get(to).getValue().size();
                to++;
            } while (to < boards.size() && size + boards.get(to).getValue().size() <= MAX_STANDINGS_PER_CALL);
            calls.add(call(generation, boards.subList(from, to)));
            from = to;
        }
        return calls;
    }

    private Call call(int generation, List<Map.Entry<Board, Map<String, Standing>>> boards) {
        int standings = 0;
        for (Map.Entry<Board, Map<String, Standing>> board : boards) {
            standings += board.getValue().size();
        }
        int numKeys = 2 + 3 * boards.size();
        byte[][] keysAndArgs = new byte[numKeys + 2 * boards.size() + 4 * standings][];
        int k = 0;
        keysAndArgs[k++] = utf8(keys.generationPointer());
        keysAndArgs[k++] = utf8(keys.suspended(generation));
        for (Map.Entry<Board, Map<String, Standing>> entry : boards) {
            for (String key : entry.getKey().keys(keys, generation)) {
                keysAndArgs[k++] = utf8(key);
            }
        }
        for (Map.Entry<Board, Map<String, Standing>> entry : boards) {
            Board board = entry.getKey();
            keysAndArgs[k++] = ascii(entry.getValue().size());
            keysAndArgs[k++] = ascii(retention.expiresAtEpochSecond(board.window(), board.period()));
            for (Standing s : entry.getValue().values()) {
                byte[] user = utf8(s.userId());
                keysAndArgs[k++] = user;
                keysAndArgs[k++] = ascii(s.version());
                keysAndArgs[k++] = ascii(s.score());
                keysAndArgs[k++] = utf8(RankMember.encode(s.userId(), s.reachedAt()));
            }
        }
        return new Call(numKeys, keysAndArgs);
    }

    private record Board(String leaderboardId, TimeWindow window, String period) {

        List<String> keys(RedisKeys keys, int generation) {
            return keys.board(generation, leaderboardId, window, period).inScriptOrder();
        }
    }

    /**
     * The calls of suspend-players.lua: the set changes in the first, the players to take off their boards grouped
     * by board, at most {@link #MAX_STANDINGS_PER_CALL} per call.
     */
    private List<Call> suspensionCalls(int generation, Collection<String> suspend, Collection<String> reinstate,
                                       List<Standing> remove) {
        Map<Board, Set<String>> byBoard = new LinkedHashMap<>();
        for (Standing s : remove) {
            byBoard.computeIfAbsent(new Board(s.leaderboardId(), s.window(), s.period()), b -> new LinkedHashSet<>())
                    .add(s.userId());
        }
        List<Call> calls = new ArrayList<>(1);
        List<Map.Entry<Board, Set<String>>> boards = new ArrayList<>(byBoard.entrySet());
        int from = 0;
        do {
            int to = from;
            int size = 0;
            while (to < boards.size() && (to == from || size + boards.get(to).getValue().size()
                    <= MAX_STANDINGS_PER_CALL)) {
                size += boards.get(to).getValue().size();
                to++;
            }
            boolean first = calls.isEmpty();
            calls.add(suspensionCall(generation, first ? suspend : List.of(), first ? reinstate : List.of(),
                    boards.subList(from, to)));
            from = to;
        } while (from < boards.size());
        return calls;
    }

    private Call suspensionCall(int generation, Collection<String> suspend, Collection<String> reinstate,
                                List<Map.Entry<Board, Set<String>>> boards) {
        List<byte[]> keysList = new ArrayList<>();
        List<byte[]> args = new ArrayList<>();
        keysList.add(utf8(keys.generationPointer()));
        keysList.add(utf8(keys.suspended(generation)));
        args.add(ascii(suspend.size()));
        suspend.forEach(user -> args.add(utf8(user)));
        args.add(ascii(reinstate.size()));
        reinstate.forEach(user -> args.add(utf8(user)));
        for (Map.Entry<Board, Set<String>> entry : boards) {
            entry.getKey().keys(keys, generation).forEach(key -> keysList.add(utf8(key)));
            args.add(ascii(entry.getValue().size()));
            entry.getValue().forEach(user -> args.add(utf8(user)));
        }
        keysList.addAll(args);
        return new Call(2 + 3 * boards.size(), keysList.toArray(byte[][]::new));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (mentions(suppressed, text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String resetMessage() {
        try {
            return StoredJson.newObjectMapper().writeValueAsString(BoardChange.reset());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
