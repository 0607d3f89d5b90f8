package dev.leaderboard.projections.standings;

import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.LuaScripts;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standings in Redis sorted sets: one script call per (player, event version) covering all its windows, all calls
 * of a batch pipelined in one round trip.
 */
public class RedisStandings {

    private static final String LOST = "LEADERBOARD_REDIS_LOST";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RetentionPolicy retention;
    private final DefaultRedisScript<Long> script;

    public RedisStandings(StringRedisTemplate redis, RedisKeys keys, RetentionPolicy retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
        this.script = new DefaultRedisScript<>(LuaScripts.read("scripts/apply-standings.lua"), Long.class);
    }

    /** Applies the standings to one generation; throws {@link RedisDataLostException} if Redis lost its data. */
    public void apply(int generation, List<Standing> standings) {
        if (standings.isEmpty()) {
            return;
        }
        List<byte[][]> calls = calls(generation, standings);
        try {
            execute(calls);
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
                execute(calls);
            } catch (RuntimeException again) {
                throw mentions(again, LOST) ? new RedisDataLostException(again) : again;
            }
        }
    }

    public void setGenerationPointer(int generation) {
        redis.opsForValue().set(keys.generationPointer(), Integer.toString(generation));
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
        String livePrefix = keys.generationPattern(live).replace("*", "");
        java.util.regex.Pattern generationKey = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(keys.prefix()) + ":g\\d+:.*");
        return deleteMatching(keys.prefix() + ":g*", key -> generationKey.matcher(key).matches()
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

    private void execute(List<byte[][]> calls) {
        String sha = script.getSha1();
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (byte[][] keysAndArgs : calls) {
                connection.scriptingCommands().evalSha(sha, ReturnType.INTEGER, numKeys(keysAndArgs),
                        keysAndArgs);
            }
            return null;
        });
    }

    private static int numKeys(byte[][] keysAndArgs) {
        int windows = (keysAndArgs.length - 3) / 5;
        return 1 + 2 * windows;
    }

    private List<byte[][]> calls(int generation, List<Standing> standings) {
        Map<String, List<Standing>> byPlayerVersion = new LinkedHashMap<>();
        for (Standing s : standings) {
            byPlayerVersion.computeIfAbsent(s.leaderboardId() + '\u0000' + s.userId() + '\u0000' + s.version(),
                    k -> new ArrayList<>()).add(s);
        }
        List<byte[][]> calls = new ArrayList<>(byPlayerVersion.size());
        for (List<Standing> group : byPlayerVersion.values()) {
            List<String> keyList = new ArrayList<>();
            List<String> args = new ArrayList<>();
            keyList.add(keys.generationPointer());
            Standing first = group.get(0);
            args.add(first.userId());
            args.add(Long.toString(first.version()));
            for (Standing s : group) {
                keyList.add(keys.ranking(generation, s.leaderboardId(), s.window(), s.period()));
                keyList.add(keys.members(generation, s.leaderboardId(), s.window(), s.period()));
                args.add(Long.toString(s.score()));
                args.add(RankMember.encode(s.userId(), s.reachedAt()));
                args.add(Long.toString(retention.expiresAtEpochSecond(s.window(), s.period())));
            }
            byte[][] keysAndArgs = new byte[keyList.size() + args.size()][];
            int i = 0;
            for (String k : keyList) {
                keysAndArgs[i++] = k.getBytes(StandardCharsets.UTF_8);
            }
            for (String a : args) {
                keysAndArgs[i++] = a.getBytes(StandardCharsets.UTF_8);
            }
            calls.add(keysAndArgs);
        }
        return calls;
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
}
