package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.projections.layout.BoardVersion;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.LuaScripts;
import dev.leaderboard.projections.layout.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the live generation's sorted sets, one round trip per request, with the board's version (for ETags). Empty
 * when Redis cannot answer (lost data, expired or empty board): the caller then asks PostgreSQL. Ranks are ordinal or
 * competition ({@link StyledRanks}); dense ranks need distinct scores counted, which a sorted set cannot do cheaply,
 * so {@link Rankings} asks PostgreSQL for them.
 */
public class RedisRankings {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    /** The read scripts' KEYS (read-prelude.lua). */
    private final List<String> scriptKeys;
    private final DefaultRedisScript<List> pageScript = script("scripts/read-page.lua");
    private final DefaultRedisScript<List> positionScript = script("scripts/read-position.lua");
    private final DefaultRedisScript<List> subsetScript = script("scripts/read-subset.lua");
    private final DefaultRedisScript<List> scoresScript = script("scripts/read-scores.lua");

    public RedisRankings(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.scriptKeys = List.of(keys.generationPointer(), keys.restoringMarker(), keys.epoch());
    }

    /** @param style ordinal or competition */
    public Optional<Versioned<RankingPage>> page(Slice.OfPeriod slice, long offset, int limit, RankStyle style) {
        List<?> result = run(pageScript, slice, List.of(Long.toString(offset), Integer.toString(limit),
                above(style)));
        long total = number(result.get(0));
        if (total <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Versioned<>(new RankingPage(total,
                styled(rows((List<?>) result.get(4), offset), style, result, 5)), version(result)));
    }

    /** Empty when Redis cannot answer; a present {@code Optional.empty()} inside when the player has no score. */
    public Optional<Versioned<Optional<PlayerPosition>>> position(Slice.OfPeriod slice, String userId, int context,
                                                               RankStyle style) {
        List<?> result = run(positionScript, slice, List.of(userId, Integer.toString(context), above(style)));
        long total = number(result.get(0));
        if (total <= 0) {
            return Optional.empty();
        }
        BoardVersion version = version(result);
        long rank0 = number(result.get(4));
        if (rank0 < 0) {
            return Optional.of(new Versioned<>(Optional.empty(), version));
        }
        long first = number(result.get(5));
        List<RankedEntry> rows = styled(rows((List<?>) result.get(6), first), style, result, 7);
        long score = rows.get((int) (rank0 - first)).score();
        return Optional.of(new Versioned<>(Optional.of(new PlayerPosition(rank0 + 1, score, total, rows)), version));
    }

    /** Empty when Redis cannot answer (then PostgreSQL does). */
    public Optional<SubsetRanks> subset(Slice.OfPeriod slice, List<String> userIds) {
        List<?> result = run(subsetScript, slice, userIds);
        long total = number(result.get(0));
        if (total <= 0) {
            return Optional.empty();
        }
        List<RankedEntry> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            long rank0 = number(result.get(4 + 2 * i));
            if (rank0 < 0) {
                missing.add(userIds.get(i));
            } else {
                found.add(new RankedEntry(rank0 + 1, userIds.get(i), Long.parseLong(result.get(5 + 2 * i).toString())));
            }
        }
        return Optional.of(new SubsetRanks(total, found, missing));
    }

    /** The scores at the given 1-based ordinal ranks (absent past the end) and the board's size. */
    public Optional<Versioned<RankScores>> scoresAt(Slice.OfPeriod slice, List<Long> ranks) {
        List<?> result = run(scoresScript, slice, ranks.stream().map(rank -> Long.toString(rank - 1)).toList());
        long total = number(result.get(0));
        if (total <= 0) {
            return Optional.empty();
        }
        Map<Long, Long> scores = new HashMap<>();
        for (int i = 0; i < ranks.size(); i++) {
            String score = result.get(4 + i).toString();
            if (!score.isEmpty()) {
                scores.put(ranks.get(i), Long.parseLong(score));
            }
        }
        return Optional.of(new Versioned<>(new RankScores(total, scores), version(result)));
    }

    /** A read script on one board: the board's key templates first (read-prelude.lua), then the script's own. */
    private List<?> run(DefaultRedisScript<List> script, Slice.OfPeriod slice, List<String> own) {
        List<String> arguments = new ArrayList<>(keys.boardTemplates(slice.leaderboardId(), slice.window(),
                slice.period().key()).inScriptOrder());
        arguments.addAll(own);
        return redis.execute(script, scriptKeys, arguments.toArray());
    }

    private static String above(RankStyle style) {
        return style == RankStyle.COMPETITION ? "above" : "";
    }

    private static List<RankedEntry> styled(List<RankedEntry> rows, RankStyle style, List<?> result, int aboveAt) {
        return rows.isEmpty() || style == RankStyle.ORDINAL ? rows
                : StyledRanks.restyle(rows, style, number(result.get(aboveAt)));
    }

    private static BoardVersion version(List<?> result) {
        return new BoardVersion(number(result.get(1)), number(result.get(2)), number(result.get(3)));
    }

    private static List<RankedEntry> rows(List<?> flat, long firstRank0) {
        List<RankedEntry> rows = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            rows.add(new RankedEntry(firstRank0 + i / 2 + 1, RankMember.userIdOf(flat.get(i).toString()),
                    Long.parseLong(flat.get(i + 1).toString())));
        }
        return rows;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    private static DefaultRedisScript<List> script(String location) {
        return new DefaultRedisScript<>(LuaScripts.read("scripts/read-prelude.lua", location), List.class);
    }
}
